/**
 * `check/dead-link`: a link in a post to a page of this site that pm does not write.
 * Only page-shaped links are looked at — ending in `/` or `.html` — resolved from the
 * incident's own page URL the way a browser would, and compared with the pages pm writes:
 * the index, incident pages, tag pages of tags in use, the tag index, 404.html. A blog's
 * `tag_post-mortem.html` beside the post, kept after `pm import`, is found here when the
 * URL patterns put tag pages elsewhere. Folders pm fills with pages of its own (assets/,
 * page/, api/, services/, insights/…) and links leaving the site are not judged; links to
 * another incident are check/broken-link's (an error).
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { fileForUrl, fillPattern } from '../outputs/urls.js';
import type { UrlPatterns } from '../config/types.js';
import { incidentPathPattern, type LinkOwner, type LinkRef } from './links.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const OWN_FOLDERS = new Set(['assets', 'embed', 'page', 'api', 'pagefind', 'insights', 'follow-ups', 'services']);

export interface PageSet {
  urls: UrlPatterns;
  slugs: ReadonlySet<string>;
  tagSlugs: ReadonlySet<string>;
  /** Output paths of files published as they are (static/, bundle assets): an `about.html` there is a page. */
  copied?: ReadonlySet<string>;
}

/** Site path (`incidents/x/index.html`) a link leads to, or null when it is not judged. */
export function linkTarget(url: string, owner: LinkOwner, urls: UrlPatterns): string | null {
  const raw = url.trim();
  if (!raw || raw.startsWith('#') || raw.startsWith('//') || SCHEME.test(raw)) return null;
  let target = raw.replace(/[?#].*$/, '');
  try {
    target = decodeURI(target);
  } catch {
    // kept as written
  }
  if (!(target.endsWith('/') || /\.html?$/i.test(target) || target === '.' || target === '..')) return null;
  const page = fileForUrl(fillPattern(urls.incident, { slug: owner.slug }));
  const joined = target.startsWith('/') ? target.replace(/^\/+/, '') : path.posix.join(path.posix.dirname(page), target);
  const norm = path.posix.normalize(joined).replace(/\/+$/, '') || '.';
  if (norm.startsWith('..')) return null;
  const folder = target.endsWith('/') || /(^|\/)\.\.?$/.test(target);
  const file = norm === '.' ? 'index.html' : folder ? `${norm}/index.html` : norm;
  if (OWN_FOLDERS.has(file.split('/')[0] ?? '')) return null;
  return file;
}

function pageExists(file: string, pages: PageSet): boolean {
  if (file === 'index.html' || file === '404.html' || file === fileForUrl(fillPattern(pages.urls.tags, {}))) return true;
  if (pages.copied?.has(file)) return true;
  const url = file.replace(/(^|\/)index\.html$/, '$1');
  const incident = incidentPathPattern(pages.urls.incident).exec(url) ?? incidentPathPattern(pages.urls.incident).exec(file);
  if (incident) return true; // a slug that does not exist is check/broken-link's
  const tag = incidentPathPattern(pages.urls.tag, 'tag').exec(url) ?? incidentPathPattern(pages.urls.tag, 'tag').exec(file);
  return tag ? pages.tagSlugs.has(tag[1] ?? '') : false;
}

export function checkPageLinks(owner: LinkOwner, refs: readonly LinkRef[], pages: PageSet): Diagnostic[] {
  return refs.flatMap(({ url, line, column }): Diagnostic[] => {
    const file = linkTarget(url, owner, pages.urls);
    if (file === null || pageExists(file, pages)) return [];
    const hint =
      /(^|\/)tag_[^/]+\.html$/.test(file) && !pages.urls.tag.includes('tag_')
        ? '; blog-style tag pages beside the posts need url_preset: flat in pm.config.yaml'
        : '';
    return [
      {
        level: 'warning',
        file: owner.file,
        line,
        column,
        rule: 'check/dead-link',
        message: `link "${url.trim()}" leads to ${file}, a page this site does not have${hint}`,
      },
    ];
  });
}
