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
import { followUpsView } from './follow-ups-view.js';
import { insightsView } from './insights-view.js';
import { OVERDUE_CSP, OVERDUE_SCRIPT } from './overdue-script.js';
import { FOLLOW_UPS_JSON_PATH, FOLLOW_UPS_PAGE, INSIGHTS_JSON_PATH, INSIGHTS_PAGE } from '../outputs/paths.js';


export function insightsPages(sorted: readonly IncidentSummary[], site: SiteContext): Page[] {
  const links = siteLinks(site);
  const insights = insightsData(sorted, site.config.title);
  const followUps = followUpsData(sorted, site.config.title, site.config.today, (u) => links.url(u));
  const urls = new Map(sorted.map((s) => [s.slug, s.url]));
  const page = (file: string, template: string, title: string, data: Record<string, unknown>): Page => {
    const base = site.pageData(file, title);
    const css = base['css'] as Record<string, string>;
    return { path: file, contents: site.renderer.render(template, { ...base, extraCss: css['insights_css'], ...data }) };
  };
  const root = site.pageData(FOLLOW_UPS_PAGE, '')['root'] as string;
  return [
    { path: INSIGHTS_JSON_PATH, contents: `${JSON.stringify(insights, null, 2)}\n` },
    { path: FOLLOW_UPS_JSON_PATH, contents: `${JSON.stringify(followUps, null, 2)}\n` },
    page(INSIGHTS_PAGE, 'insights', 'Insights', { insights: insightsView(insights) }),
    page(FOLLOW_UPS_PAGE, 'follow-ups', 'Follow-ups', {
      followUps: followUpsView(followUps, (slug) => `${root}${urls.get(slug) ?? ''}`),
      ...(followUps.today === null && followUps.open > 0 ? { script: OVERDUE_SCRIPT, csp: OVERDUE_CSP } : {}),
    }),
  ];
}
