/**
 * Where the pages of a paginated list and its feed live, from the URL path of its
 * first page: `tags/dns/` → `tags/dns/page/2/` and `tags/dns/feed.xml`; a list
 * whose first page is a file (`topics/dns.html`, from the tag URL pattern) keeps
 * that style: `topics/dns/page/2.html` and `topics/dns/feed.xml`.
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

/** Splits a list into pages of `size` (an empty list is one empty page). */
export function paginate<T>(list: readonly T[], size: number): T[][] {
  if (list.length === 0) return [[]];
  const pages: T[][] = [];
  for (let i = 0; i < list.length; i += size) pages.push(list.slice(i, i + size));
  return pages;
}

/** Where the services index and each service's first page live. */
export const SERVICES_PATH = 'services/';

export function serviceUrl(slug: string): string {
  return `${SERVICES_PATH}${slug}/`;
}
