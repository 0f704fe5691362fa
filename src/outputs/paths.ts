/**
 * Every path pm writes in a site, relative to the output folder, in one place. Pages whose
 * place the user chooses (incidents, tags, the tag index) come from the URL patterns
 * (config `urls:`, outputs/urls.ts); everything here sits at a fixed place whatever the
 * patterns, so embeds, API clients and feed readers can rely on it (README "Output").
 * A URL path ends in `/` (its file is `index.html`: urls.ts fileForUrl); a file path does not.
 * This module imports nothing, so any stage may read it without making an import cycle.
 */

/** Home page and the 404 page (served at any depth). */
export const HOME_URL = '';
export const NOT_FOUND_PATH = '404.html';

/** Bundled theme assets, content-hashed: `assets/style.0123abcd.css`. */
export const ASSETS_DIR = 'assets/';

/** The published timeline of an incident (README "The published JSON"), whatever the page URL pattern. */
export function timelineJsonPath(slug: string): string {
  return `incidents/${slug}/timeline.json`;
}

/** Site feeds and data (README "Feeds and data"). */
export const ATOM_FEED_PATH = 'feed.xml';
export const JSON_FEED_PATH = 'feed.json';
export const INCIDENTS_JSON_PATH = 'incidents.json';
export const SITEMAP_PATH = 'sitemap.xml';

/** Statuspage-compatible API (README "Feeds and data"). */
export const STATUSPAGE_PATH = 'api/v2/incidents.json';
export const STATUSPAGE_SUMMARY_PATH = 'api/v2/summary.json';

/** Embeds (README "Embedding timelines"): the iframe page of an incident and the custom element. */
export function embedPagePath(slug: string): string {
  return `embed/${slug}/index.html`;
}
export const EMBED_SCRIPT_PATH = 'embed/pm-timeline.js';

/** Insights and follow-ups (README "Insights and follow-ups"): pages and their data. */
export const INSIGHTS_URL = 'insights/';
export const INSIGHTS_PAGE = 'insights/index.html';
export const INSIGHTS_JSON_PATH = 'insights.json';
export const FOLLOW_UPS_URL = 'follow-ups/';
export const FOLLOW_UPS_PAGE = 'follow-ups/index.html';
export const FOLLOW_UPS_JSON_PATH = 'follow-ups.json';

/** The Pagefind search bundle (README "Services, search and pages that scale"). */
export const SEARCH_DIR = 'pagefind/';

/** The services index and each service's first page. */
export const SERVICES_URL = 'services/';

export function serviceUrl(slug: string): string {
  return `${SERVICES_URL}${slug}/`;
}

/*
 * Paginated lists, from the URL path of their first page: `tags/dns/` → `tags/dns/page/2/`
 * and `tags/dns/feed.xml`; a list whose first page is a file (`topics/dns.html`, from the
 * tag URL pattern) keeps that style: `topics/dns/page/2.html` and `topics/dns/feed.xml`.
 */

/** The folder a list's extra pages and feed go in: `tags/dns/`; '' for the home page. */
export function listFolder(first: string): string {
  return first.endsWith('.html') ? `${first.slice(0, -'.html'.length)}/` : first;
}

/** URL path (relative to the site root) of page `n` (1-based) of the list whose first page is `first`. */
export function pageUrl(first: string, n: number): string {
  if (n <= 1) return first;
  return first.endsWith('.html') ? `${listFolder(first)}page/${n}.html` : `${first}page/${n}/`;
}

/** URL path of the list's Atom feed. */
export function listFeedUrl(first: string): string {
  return `${listFolder(first)}feed.xml`;
}

/**
 * The first segment of every fixed path above (`api`, `feed.xml`, `page` …): a URL pattern
 * that lands on one of them would overwrite a page pm writes (config/url-patterns.ts refuses it).
 * Not `incidents`: timeline.json files go beside the incident pages the patterns place there.
 */
export function reservedNames(): string[] {
  const fixed = [
    'index.html',
    NOT_FOUND_PATH,
    ASSETS_DIR,
    ATOM_FEED_PATH,
    JSON_FEED_PATH,
    INCIDENTS_JSON_PATH,
    SITEMAP_PATH,
    STATUSPAGE_PATH,
    STATUSPAGE_SUMMARY_PATH,
    embedPagePath('x'),
    EMBED_SCRIPT_PATH,
    INSIGHTS_PAGE,
    INSIGHTS_JSON_PATH,
    FOLLOW_UPS_PAGE,
    FOLLOW_UPS_JSON_PATH,
    SEARCH_DIR,
    SERVICES_URL,
    pageUrl(HOME_URL, 2),
  ];
  return [...new Set(fixed.map((p) => p.split('/')[0]!))];
}
