/**
 * Local links and images that point at nothing (`link/missing-target`, a warning). The
 * refs come from the post's mdast tree as the parser produced it — links, images and link
 * definitions (what `[text][ref]` uses) — with their place in the file; each is resolved
 * the way a browser resolves it from the incident's published page, and checked against
 * what the site publishes. Links with a scheme, protocol-relative ones, in-page anchors
 * and links to markdown files (check/broken-link's business) are not checked here.
 */
import path from 'node:path';
import type { Root, RootContent } from 'mdast';
import type { UrlPatterns } from '../config/types.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Incident } from '../incident/types.js';
import { fileForUrl, fillPattern } from '../outputs/urls.js';

export interface LocalRef {
  kind: 'link' | 'image';
  url: string;
  line: number;
  column: number;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const MARKDOWN = /\.(md|markdown)$/i;

/** The post's links, images and definitions whose URL stays in the site. */
export function localRefs(incident: Pick<Incident, 'tree' | 'bodyLineOffset'>): LocalRef[] {
  const refs: LocalRef[] = [];
  // A plain walk in document order (unist-util-visit's stack of parents per node cost more
  // than the check, once per incident of a cold build); the tree's depth is capped (load/guard.ts).
  const walk = (node: Root | RootContent): void => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const { url, position } = node;
      if (localTarget(url) !== null) {
        const line = (position?.start.line ?? 1) + incident.bodyLineOffset;
        refs.push({ kind: node.type === 'image' ? 'image' : 'link', url, line, column: position?.start.column ?? 1 });
      }
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(incident.tree);
  return refs;
}

/**
 * Where `url`, written on the page published at `pageFile`, leads in the site (a path
 * relative to the output root, `''` for the root); null when it leaves the site or is
 * not checked here.
 */
export function sitePathOf(url: string, pageFile: string): string | null {
  const target = localTarget(url);
  if (target === null) return null;
  const joined = target.startsWith('/') ? target.replace(/^\/+/, '') : path.posix.join(path.posix.dirname(pageFile), target);
  const normal = path.posix.normalize(joined || '.');
  if (normal === '..' || normal.startsWith('../')) return null;
  return normal === '.' || normal === './' ? '' : normal;
}

/** The path part of a URL that stays in the site, decoded; null for anything else. */
function localTarget(url: string): string | null {
  const raw = url.trim();
  if (!raw || raw.startsWith('#') || raw.startsWith('//') || raw.startsWith('\\') || SCHEME.test(raw)) return null;
  let target = raw.replace(/[?#].*$/s, '');
  try {
    target = decodeURI(target);
  } catch {
    // kept as written
  }
  return !target || MARKDOWN.test(target) ? null : target;
}

/** True when a published file answers `sitePath` (a folder answers with its index.html). */
export function published(sitePath: string, files: ReadonlySet<string>): boolean {
  if (sitePath === '' || sitePath.endsWith('/')) return files.has(`${sitePath}index.html`);
  return files.has(sitePath) || files.has(`${sitePath}/index.html`);
}

export interface RefOwner {
  /** The incident file (what diagnostics name). */
  file: string;
  /** Its published page, relative to the output root. */
  page: string;
  /** True for a bundle (`posts/<name>/index.md`): the hint differs. */
  bundle: boolean;
}

/** The owner of an incident's refs: its file and the page it is published at. */
export function refOwner(file: string, slug: string, urls: UrlPatterns): RefOwner {
  const page = fileForUrl(fillPattern(urls.incident, { slug }));
  return { file, page, bundle: /(^|\/)[^/]+\/index\.(md|markdown)$/.test(file) };
}

/** A warning for each ref that `exists` does not answer. */
export function checkLocalRefs(owner: RefOwner, refs: readonly LocalRef[], exists: (sitePath: string) => boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ref of refs) {
    const target = sitePathOf(ref.url, owner.page);
    if (target === null || exists(target)) continue;
    const fix = owner.bundle
      ? 'put the file beside index.md in the bundle folder (or in static/), or correct the path'
      : `a single-file post publishes no files beside it: make it a bundle (${owner.file.replace(/\.[^./]*$/, '')}/index.md with the file beside it), put the file in static/, or correct the path`;
    out.push({
      level: 'warning',
      file: owner.file,
      line: ref.line,
      column: ref.column,
      rule: 'link/missing-target',
      message: `${ref.kind} "${ref.url}" points at nothing: the site has no ${target || 'index.html'}; ${fix}`,
    });
  }
  return out;
}
