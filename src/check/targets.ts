/**
 * `pm check`'s view of what the site publishes besides its pages: the same copies a build
 * makes (bundle assets and static/, with their errors: symlinks out of the site, FIFOs,
 * collisions with incident pages), and the local links and images that point at none of
 * them (`link/missing-target`). `pm check` renders nothing, so it cannot list the site-wide
 * pages (tags, feeds, indexes): a target shaped like a page (a folder, `.html`, `.xml`,
 * `.json`) is left to `pm build` and to check/broken-link for incident pages.
 */
import type { UrlPatterns } from '../config/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { copyCollisions, siteCopies, type CopyOwner } from '../load/copies.js';
import { checkLocalRefs, published, refOwner, type LocalRef } from './local-links.js';

export interface TargetOwner extends CopyOwner {
  refs: LocalRef[];
}

const PAGE = /(^|\/)$|(^|\/)[^/.]+$|\.(html?|xml|json)$/i;

/** `publishedPaths`, when given, receives the output path of every copy (for check/dead-link). */
export function checkTargets(site: { root: string; postsDir: string; urls: UrlPatterns }, owners: readonly TargetOwner[], publishedPaths?: Set<string>): Diagnostic[] {
  const { copies, diagnostics } = siteCopies(site, owners);
  for (const c of copies) publishedPaths?.add(c.path);
  const pages = new Set(owners.map((o) => refOwner(o.file, o.slug, site.urls).page));
  const known = new Set([...pages, ...copies.map((c) => c.path)]);
  const exists = (p: string): boolean => PAGE.test(p) || published(p, known);
  const out = [...diagnostics, ...copyCollisions(copies, pages)];
  for (const o of owners) if (o.published) out.push(...checkLocalRefs(refOwner(o.file, o.slug, site.urls), o.refs, exists));
  return out;
}
