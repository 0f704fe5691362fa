/**
 * `links: file`: pages opened from disk (file://) show a folder listing for `incidents/x/`,
 * so every relative link to a folder is made to name its `index.html`. Applied to the
 * HTML pm renders (hast-util-to-html and the theme quote every attribute with `"`, and
 * text never holds a raw `<`), so a tag's `href="…"` is found by its own syntax.
 */

const ANCHOR = /<(a|area)(\s[^<>]*?)?\shref="([^"]*)"/gi;

/** `../x/` → `../x/index.html`, `./#top` → `./index.html#top`; absolute and scheme links unchanged. */
export function fileHref(href: string): string {
  if (href === '' || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/') || href.startsWith('#') || href.startsWith('?')) return href;
  const cut = href.search(/[?#]/);
  const path = cut < 0 ? href : href.slice(0, cut);
  const rest = cut < 0 ? '' : href.slice(cut);
  if (path === '.' || path === '..') return `${path}/index.html${rest}`;
  return path.endsWith('/') ? `${path}index.html${rest}` : href;
}

export function fileLinks(html: string): string {
  return html.replace(ANCHOR, (whole, tag: string, attrs: string | undefined, href: string) => {
    const next = fileHref(href);
    return next === href ? whole : `<${tag}${attrs ?? ''} href="${next}"`;
  });
}
