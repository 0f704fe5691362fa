/**
 * A list of incidents as pages of `page_size` rows: the home page, each tag's and each
 * service's page. Rows are grouped by year on every page (a year split across pages
 * gets its heading again, marked "continued"); each page links its neighbours
 * (`rel=prev`/`rel=next` in the head and a pager in the body).
 */
import type { SiteContext } from '../../render/context.js';
import type { IncidentSummary, Page } from '../../render/types.js';
import { fileForUrl } from '../urls.js';
import { summaryView } from '../../render/views.js';
import { NEWEST_FIRST, pageLinks, paginate } from './paging.js';
import { listFeedUrl, pageUrl } from '../paths.js';

export type Views = (s: IncidentSummary, root: string) => Record<string, unknown>;

export interface YearGroup {
  year: number;
  /** True when the year began on the previous page. */
  continued: boolean;
  incidents: unknown[];
}

export function byYear(list: readonly IncidentSummary[], views: Views, root: string, before?: IncidentSummary): YearGroup[] {
  const years: YearGroup[] = [];
  for (const s of list) {
    let group = years[years.length - 1];
    if (!group || group.year !== s.year) years.push((group = { year: s.year, continued: !group && before?.year === s.year, incidents: [] }));
    group.incidents.push(views(s, root));
  }
  return years;
}

/** Each incident's row is the same on every list page at one depth: made once. */
export function viewCache(site: SiteContext): Views {
  const byRoot = new Map<string, Map<IncidentSummary, Record<string, unknown>>>();
  return (s, root) => {
    let views = byRoot.get(root);
    if (!views) byRoot.set(root, (views = new Map<IncidentSummary, Record<string, unknown>>()));
    let v = views.get(s);
    if (!v) views.set(s, (v = summaryView(s, site, root)));
    return v;
  };
}

export interface ListSpec {
  /** URL path of the first page (`tags/dns/`, '' for the home page). */
  first: string;
  template: string;
  title: string;
  /** Newest first. */
  incidents: readonly IncidentSummary[];
  /** Template data given to every page; `firstPage` only to the first. */
  data?: (root: string) => Record<string, unknown>;
  firstPage?: (root: string) => Record<string, unknown>;
  /** The list has its own Atom feed (tags, services). */
  feed?: boolean;
}

export function listPages(spec: ListSpec, site: SiteContext, views: Views): Page[] {
  const chunks = paginate(spec.incidents, site.config.pageSize);
  const total = chunks.length;
  const pages: Page[] = [];
  chunks.forEach((chunk, i) => {
    const n = i + 1;
    const file = fileForUrl(pageUrl(spec.first, n));
    const base = site.pageData(file, n === 1 ? spec.title : `${spec.title} (page ${n} of ${total})`);
    const root = base['root'] as string;
    const { prev, next, pager } = pageLinks(spec.first, n, total, root, NEWEST_FIRST);
    const before = i > 0 ? chunks[i - 1]![chunks[i - 1]!.length - 1] : undefined;
    const data = {
      ...base,
      page: { ...(base['page'] as Record<string, unknown>), prev, next },
      ...spec.data?.(root),
      ...(n === 1 ? spec.firstPage?.(root) : {}),
      ...(spec.feed ? { listFeedUrl: `${root}${listFeedUrl(spec.first)}` } : {}),
      years: byYear(chunk, views, root, before),
      pager,
    };
    pages.push({ path: file, contents: site.renderer.render(spec.template, data) });
  });
  return pages;
}
