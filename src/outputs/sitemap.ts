/**
 * `sitemap.xml` (sitemaps.org 0.9): every HTML page a reader or crawler lands on —
 * every page of the index, each incident, the tag index, every page of each tag and
 * each service, the services index; not 404.html and not
 * the index, each incident, the tag index and each tag page, insights and follow-ups; not 404.html and not
 * the embeds (iframe fragments). Built from summaries and the URL patterns, so it
 * names the same files the index and tag renderers write. `lastmod` is the newest
 * incident date a page lists (never the clock). Without a base URL the locations
 * are relative to the site root (search engines want absolute ones: set `base_url`).
 */
import type { SiteContext } from '../render/context.js';
import { siteLinks } from './feed-common.js';
import { escapeXml } from '../text/escape.js';
import { isoDay } from '../render/format.js';
import { collectTags } from '../render/indexes.js';
import type { IncidentSummary, Page } from '../render/types.js';
import { paginate } from './archive/paging.js';
import { collectServices } from './archive/services.js';
import { FOLLOW_UPS_URL, HOME_URL, INSIGHTS_URL, pageUrl, SERVICES_URL, serviceUrl, SITEMAP_PATH } from './paths.js';

interface Entry {
  url: string;
  lastmod: string | null;
}

const day = (s: IncidentSummary | undefined): string | null => (s ? isoDay(s.date, s.displayTimezone) : null);

export function sitemapEntries(summaries: readonly IncidentSummary[], site: SiteContext): Entry[] {
  const entries: Entry[] = [];
  // every page of a paginated list, dated by the newest incident it shows
  const list = (first: string, incidents: readonly IncidentSummary[]): void => {
    paginate(incidents, site.config.pageSize).forEach((chunk, i) => entries.push({ url: pageUrl(first, i + 1), lastmod: day(chunk[0]) }));
  };
  list(HOME_URL, summaries);
  for (const s of summaries) entries.push({ url: s.url, lastmod: day(s) });
  const tags = collectTags(summaries);
  entries.push({ url: site.urls.tags(), lastmod: day(summaries[0]) });
  for (const t of tags) list(site.urls.tag(t.slug), t.incidents);
  entries.push({ url: SERVICES_URL, lastmod: day(summaries[0]) });
  for (const s of collectServices(summaries)) list(serviceUrl(s.slug), s.incidents);
  for (const t of tags) entries.push({ url: site.urls.tag(t.slug), lastmod: day(t.incidents[0]) });
  for (const url of [INSIGHTS_URL, FOLLOW_UPS_URL]) entries.push({ url, lastmod: day(summaries[0]) });
  const seen = new Set<string>();
  return entries.filter((e) => (seen.has(e.url) ? false : (seen.add(e.url), true))).sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

export function sitemap(summaries: readonly IncidentSummary[], site: SiteContext): Page[] {
  const links = siteLinks(site);
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const e of sitemapEntries(summaries, site)) {
    const loc = links.url(e.url) || './';
    lines.push(`  <url><loc>${escapeXml(loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`);
  }
  lines.push('</urlset>', '');
  return [{ path: SITEMAP_PATH, contents: lines.join('\n') }];
}
