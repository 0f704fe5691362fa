/**
 * The Liquid a Jekyll post uses only to prefix its own site's address — `{{ site.baseurl }}`,
 * `{{ site.url }}`, `{{ "/assets/x.png" | relative_url }}` — has a plain meaning in a bundle:
 * the path itself. These forms are carried over (so `![g]({{ site.baseurl }}/assets/g.png)`
 * becomes an image pm copies); every other Liquid tag is reported.
 */

const SITE = /\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\}/g;
const FILTERED = /\{\{-?\s*(["'])([^"'{}]*)\1\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}/g;

/** True for a template tag this module carries over. */
export function carried(tag: string): boolean {
  return new RegExp(`^(?:${SITE.source}|${FILTERED.source})$`).test(tag);
}

export function carryBaseUrls(body: string): string {
  return body.replace(FILTERED, (_m, _q: string, p: string) => p).replace(SITE, '');
}
