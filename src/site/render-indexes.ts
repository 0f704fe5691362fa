/**
 * Site-wide pages built from incident summaries only (never from the posts again):
 * the index grouped by year, the tag index with counts, one page per tag, and 404.
 */
import type { Tag } from '../incident/types.js';
import type { SiteContext } from './context.js';
import type { IncidentSummary, Page } from './types.js';
import { fileForUrl } from './urls.js';
import { summaryView } from './views.js';

/** Newest first; ties broken by slug so the order never depends on discovery order. */
export function sortSummaries(list: readonly IncidentSummary[]): IncidentSummary[] {
  return [...list].sort(newestFirst);
}

/** Page order: newest first, ties by slug (the cache index sorts its rows with it too). */
export function newestFirst(a: { date: number; slug: string }, b: { date: number; slug: string }): number {
  return b.date - a.date || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

export interface TagEntry extends Tag {
  count: number;
  incidents: IncidentSummary[];
}

/** Tags sorted by name; each keeps the first display spelling met in date order. */
export function collectTags(sorted: readonly IncidentSummary[]): TagEntry[] {
  const map = new Map<string, TagEntry>();
  for (let i = sorted.length - 1; i >= 0; i--) {
    const s = sorted[i]!;
    for (const t of s.tags) {
      let e = map.get(t.slug);
      if (!e) map.set(t.slug, (e = { ...t, count: 0, incidents: [] }));
      e.count++;
      e.incidents.push(s);
    }
  }
  // collected oldest first (for the spelling); pages list newest first
  for (const e of map.values()) e.incidents.reverse();
  return [...map.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

type Views = (s: IncidentSummary, root: string) => Record<string, unknown>;

function byYear(list: readonly IncidentSummary[], views: Views, root: string): Array<{ year: number; incidents: unknown[] }> {
  const years: Array<{ year: number; incidents: unknown[] }> = [];
  for (const s of list) {
    let group = years[years.length - 1];
    if (!group || group.year !== s.year) years.push((group = { year: s.year, incidents: [] }));
    group.incidents.push(views(s, root));
  }
  return years;
}

/** Each incident's row is the same on the index and on every tag page at one depth: made once. */
function viewCache(site: SiteContext): Views {
  const byRoot = new Map<string, Map<IncidentSummary, Record<string, unknown>>>();
  return (s, root) => {
    let views = byRoot.get(root);
    if (!views) byRoot.set(root, (views = new Map()));
    let v = views.get(s);
    if (!v) views.set(s, (v = summaryView(s, site, root)));
    return v;
  };
}

export function renderIndexes(summaries: readonly IncidentSummary[], site: SiteContext): Page[] {
  const sorted = sortSummaries(summaries);
  const tags = collectTags(sorted);
  const views = viewCache(site);
  const pages: Page[] = [];
  const page = (file: string, template: string, title: string, data: Record<string, unknown>, root?: string): void => {
    pages.push({ path: file, contents: site.renderer.render(template, { ...site.pageData(file, title, root), ...data }) });
  };

  const index = 'index.html';
  page(index, 'index', site.config.title, {
    years: byYear(sorted, views, './'),
    count: sorted.length,
    tags: tags.map((t) => ({ name: t.name, slug: t.slug, count: t.count, url: `./${site.urls.tag(t.slug)}` })),
  });

  const tagsFile = fileForUrl(site.urls.tags());
  const tagsRoot = site.pageData(tagsFile, '')['root'] as string;
  const max = Math.max(1, ...tags.map((t) => t.count));
  page(tagsFile, 'tags', 'Tags', {
    tags: tags.map((t) => ({
      name: t.name,
      slug: t.slug,
      count: t.count,
      weight: 1 + Math.round((t.count / max) * 4),
      url: `${tagsRoot}${site.urls.tag(t.slug)}`,
    })),
  });

  for (const t of tags) {
    const file = fileForUrl(site.urls.tag(t.slug));
    const root = site.pageData(file, '')['root'] as string;
    page(file, 'tag', `Tagged “${t.name}”`, {
      tag: { name: t.name, slug: t.slug, count: t.count },
      years: byYear(t.incidents, views, root),
    });
  }

  // A 404 page is served at any depth: its links start from the site's base path
  // (`/repo/` for a GitHub Pages project site at https://you.github.io/repo/), never relative.
  page('404.html', 'notfound', 'Not found', {}, basePath(site.config.baseUrl));
  return pages;
}

/** The path of the base URL, with its slash: `https://x.github.io/repo` → `/repo/`; none → `/`. */
export function basePath(baseUrl: string): string {
  if (!baseUrl) return '/';
  return `${new URL(baseUrl).pathname.replace(/\/+$/, '')}/`;
}
