/**
 * The site-wide output of this folder (registered in outputs/registry.ts): the insights page
 * and insights.json, the follow-ups page and follow-ups.json. Made from the incident
 * summaries only, so a rebuild with nothing changed does not make them again.
 */
import type { SiteContext } from '../render/context.js';
import { siteLinks } from '../outputs/feed-common.js';
import type { IncidentSummary, Page } from '../render/types.js';
import { insightsData } from './compute.js';
import { followUpsData } from './follow-ups.js';
import { followUpsChunks, followUpsView } from './follow-ups-view.js';
import { fileForUrl } from '../outputs/urls.js';
import { rowJson } from '../outputs/row-json.js';
import { FIRST_TO_LAST, pageLinks } from '../outputs/archive/paging.js';
import { insightsView } from './insights-view.js';
import { OVERDUE_CSP, OVERDUE_SCRIPT } from './overdue-script.js';
import { FOLLOW_UPS_JSON_PATH, FOLLOW_UPS_URL, INSIGHTS_JSON_PATH, INSIGHTS_PAGE, pageUrl } from '../outputs/paths.js';

export function insightsPages(sorted: readonly IncidentSummary[], site: SiteContext): Page[] {
  const insights = insightsData(sorted, site.config.title);
  const followUps = followUpsOf(sorted, site);
  const urls = new Map(sorted.map((s) => [s.slug, s.url]));
  const page = (file: string, template: string, title: string, data: Record<string, unknown>): Page => {
    const base = site.pageData(file, title);
    const css = base['css'] as Record<string, string>;
    return { path: file, contents: site.renderer.render(template, { ...base, extraCss: css['insights_css'], ...data }) };
  };
  return [
    { path: INSIGHTS_JSON_PATH, contents: `${JSON.stringify(insights, null, 2)}\n` },
    followUpsJson(followUps),
    page(INSIGHTS_PAGE, 'insights', 'Insights', { insights: insightsView(insights) }),
    ...followUpsPages(followUps, urls, site),
  ];
}

function followUpsOf(sorted: readonly IncidentSummary[], site: SiteContext): ReturnType<typeof followUpsData> {
  const links = siteLinks(site);
  return followUpsData(sorted, site.config.title, site.config.today, (u) => links.url(u));
}
/** One item a line, like incidents.json (40,000 items at 10,000 incidents: indented, it was 24 MB). */
function followUpsJson({ items, ...head }: ReturnType<typeof followUpsData>): Page {
  return { path: FOLLOW_UPS_JSON_PATH, contents: rowJson(head, 'items', items) };
}

/** follow-ups.json alone: what changes when an edit only moves action items (their `source.line`). */
export function followUpsJsonPage(sorted: readonly IncidentSummary[], site: SiteContext): Page {
  return followUpsJson(followUpsOf(sorted, site));
}

/** The follow-ups as pages of `page_size` items (follow-ups-view.ts), each linking its neighbours. */
function followUpsPages(followUps: ReturnType<typeof followUpsData>, urls: Map<string, string>, site: SiteContext): Page[] {
  const chunks = followUpsChunks(followUps, site.config.pageSize);
  const total = chunks.length;
  const script = followUps.today === null && followUps.open > 0 ? { script: OVERDUE_SCRIPT, csp: OVERDUE_CSP } : {};
  return chunks.map((_, i) => {
    const n = i + 1;
    const file = fileForUrl(pageUrl(FOLLOW_UPS_URL, n));
    const base = site.pageData(file, n === 1 ? 'Follow-ups' : `Follow-ups (page ${n} of ${total})`);
    const root = base['root'] as string;
    const { href, prev, next, pager } = pageLinks(FOLLOW_UPS_URL, n, total, root, FIRST_TO_LAST);
    const css = base['css'] as Record<string, string>;
    const view = followUpsView(followUps, chunks, n, { incident: (slug) => `${root}${urls.get(slug) ?? ''}`, page: href });
    const data = {
      ...base,
      page: { ...(base['page'] as Record<string, unknown>), prev, next },
      extraCss: css['insights_css'],
      followUps: view,
      pager,
      ...script,
    };
    return { path: file, contents: site.renderer.render('follow-ups', data) };
  });
}
