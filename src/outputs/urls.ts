/**
 * URL patterns → output paths and links. Pages link to each other relatively
 * (`../../tags/dns/`), so a site works from any sub-path and from file://;
 * absolute URLs (feeds, sitemap, canonical) join the base URL.
 */
import type { UrlPatterns } from '../config/types.js';

/** `incidents/:slug/` with slug "x" → `incidents/x/` (the URL path, relative to the root). */
export function fillPattern(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/:([a-z]+)/g, (m, key: string) => values[key] ?? m).replace(/^\/+/, '');
}

/** The file a URL path is written to: a trailing slash means `index.html`. */
export function fileForUrl(urlPath: string): string {
  return urlPath === '' || urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
}

/** Prefix that leads from the page written at `file` back to the site root. */
export function rootPrefix(file: string): string {
  const depth = file.split('/').length - 1;
  return depth === 0 ? './' : '../'.repeat(depth);
}

/** Absolute URL of a site path; letters of other scripts (`incidents/сбой/`) percent-encoded. */
export function absoluteUrl(baseUrl: string, urlPath: string): string {
  return `${baseUrl}/${encodeURI(urlPath)}`;
}

export interface SiteUrls {
  incident(slug: string): string;
  tag(tag: string): string;
  tags(): string;
}

export function siteUrls(patterns: UrlPatterns): SiteUrls {
  return {
    incident: (slug) => fillPattern(patterns.incident, { slug }),
    tag: (tag) => fillPattern(patterns.tag, { tag }),
    tags: () => fillPattern(patterns.tags, {}),
  };
}
