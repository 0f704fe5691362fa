/**
 * `check/broken-link`: links between incidents that lead nowhere. Three forms are
 * checked, each resolved the way a reader's browser or editor would:
 *   - a page link relative to the incident page (`../other-slug/`),
 *   - a root-relative page link (`/incidents/other-slug/`),
 *   - a link to the markdown file (`./other.md`, `posts/other.md`, `../other/index.md`).
 * Links with a scheme, protocol-relative ones and in-page anchors are left alone.
 */
import path from 'node:path';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from '../diagnostics.js';
import type { Incident } from '../incident/types.js';
import { fileForUrl, fillPattern } from '../outputs/urls.js';
import type { CheckContext } from './types.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const MARKDOWN = /\.(md|markdown)$/i;

/** `incidents/:slug/` → a regex over site paths whose first group is the slug (or `:tag`). */
export function incidentPathPattern(pattern: string, key = 'slug'): RegExp {
  const clean = pattern.replace(/^\/+/, '').replace(/\/+$/, '');
  const parts = clean.split(`:${key}`).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('([^/]+)')}/?$`);
}

function decode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** Links with a scheme, protocol-relative ones and in-page anchors never lead to an incident. */
function intoSite(raw: string): boolean {
  return !!raw && !raw.startsWith('#') && !raw.startsWith('//') && !SCHEME.test(raw);
}

/** Why `url` (written in `incident`) leads to no incident, or null when it is fine or not checked. */
export function brokenLink(url: string, incident: LinkOwner, ctx: CheckContext): string | null {
  const raw = url.trim();
  if (!intoSite(raw)) return null;
  const target = decode(raw.replace(/[?#].*$/, ''));
  if (!target) return null;

  if (MARKDOWN.test(target)) {
    const fromRoot = path.posix.normalize(target.replace(/^\/+/, ''));
    const fromFile = path.posix.normalize(path.posix.join(path.posix.dirname(incident.file), target));
    const candidates = target.startsWith('/') ? [fromRoot] : [fromFile, fromRoot];
    if (candidates.some((c) => ctx.files.has(c))) return null;
    return `link "${raw}" points to no incident file (looked for ${candidates.join(' and ')})`;
  }

  const pageDir = path.posix.dirname(fileForUrl(fillPattern(ctx.urls.incident, { slug: incident.slug })));
  const joined = target.startsWith('/') ? target.replace(/^\/+/, '') : path.posix.join(pageDir, target);
  const sitePath = path.posix.normalize(joined).replace(/(^|\/)index\.html$/, '$1');
  if (sitePath.startsWith('..')) return null;
  const where = sitePath === '.' ? '' : sitePath;
  const m = incidentPathPattern(ctx.urls.incident).exec(where);
  if (!m || incidentPathPattern(ctx.urls.tag, 'tag').test(where) || incidentPathPattern(ctx.urls.tags).test(where)) return null;
  const slug = decode(m[1] ?? '');
  if (ctx.slugs.has(slug)) return null;
  return `link "${raw}" points to no incident: no incident has the slug "${slug}"`;
}

/** The incident a link is written in: where it is, and its page's slug. */
export type LinkOwner = Pick<Incident, 'file' | 'slug'>;

/** A link or definition of a post, with its place in the file. */
export interface LinkRef {
  url: string;
  line: number;
  column: number;
}

/**
 * The links and definitions of an incident's post that point into the site, the only ones
 * checked (`pm check` holds them until it knows every slug: usually none or a few).
 */
export function linkRefs(incident: Incident): LinkRef[] {
  const refs: LinkRef[] = [];
  visit(incident.tree, (node) => {
    if (node.type !== 'link' && node.type !== 'definition') return;
    const { url, position } = node;
    if (!intoSite(url.trim())) return;
    refs.push({ url, line: (position?.start.line ?? 1) + incident.bodyLineOffset, column: position?.start.column ?? 1 });
  });
  return refs;
}

export function checkLinkRefs(owner: LinkOwner, refs: readonly LinkRef[], ctx: CheckContext): Diagnostic[] {
  return refs.flatMap(({ url, line, column }): Diagnostic[] => {
    const why = brokenLink(url, owner, ctx);
    return why ? [{ level: 'error', file: owner.file, line, column, rule: 'check/broken-link', message: why }] : [];
  });
}

export function checkLinks(incident: Incident, ctx: CheckContext): Diagnostic[] {
  return checkLinkRefs(incident, linkRefs(incident), ctx);
}
