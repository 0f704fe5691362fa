/**
 * How a disk build handles the copies of copies.ts: which to write, which are gone. Their
 * hashes (path, size and mtime of each file, marked `asset:`) are kept with the site-wide
 * pages' in the cache's `site` map, so an incremental build writes only added and changed
 * copies and the cache's usual leftover sweep deletes the ones whose file was removed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { CacheEntry } from '../build/store/cache.js';
import { copyCollisions, readCopy, siteCopies, type Copy, type CopySite } from '../load/copies.js';
import type { DirSink } from './staging.js';

/** The cache's `site` map split into pm's own pages and the copies. */
export function splitSite(site: Record<string, string>): { pages: Record<string, string>; copies: Record<string, string> } {
  const pages: Record<string, string> = {};
  const copies: Record<string, string> = {};
  for (const [p, h] of Object.entries(site)) (h.startsWith('asset:') ? copies : pages)[p] = h;
  return { pages, copies };
}

/** Every copy of the site for these cache entries (an entry left out of the site has no date). */
export function copiesFor(site: CopySite, entries: readonly CacheEntry[]): { copies: Copy[]; diagnostics: Diagnostic[] } {
  return siteCopies(
    site,
    entries.map((e) => ({ file: e.file, slug: e.slug, published: e.date !== null, sources: e.sources.map((s) => s.path) })),
  );
}

export interface CopyPlan {
  /** Output path → hash of every copy, to merge into the cache's `site` map. */
  hashes: Record<string, string>;
  /** Copies to write in this build. */
  changed: Copy[];
  /** True when the copies are exactly those of the last build. */
  same: boolean;
  /** Copies that would overwrite one of pm's outputs or each other. */
  collisions: Diagnostic[];
}

/**
 * `outputs`: every path pm itself writes. `before`: the copies' hashes of the last build,
 * null for a full build (everything is written).
 */
export function planCopies(copies: readonly Copy[], outputs: ReadonlySet<string>, before: Record<string, string> | null, out: string): CopyPlan {
  const hashes: Record<string, string> = {};
  for (const c of copies) hashes[c.path] = c.hash;
  const changed = before ? copies.filter((c) => before[c.path] !== c.hash || !existsSync(path.join(out, c.path))) : [...copies];
  const same = !!before && changed.length === 0 && Object.keys(before).length === copies.length;
  return { hashes, changed, same, collisions: copyCollisions(copies, outputs) };
}

/** Writes copies into the staging folder one at a time (a large attachment is held once). */
export function writeCopies(sink: DirSink, copies: readonly Copy[]): void {
  for (const c of copies) sink.put([{ path: c.path, contents: readCopy(c) }]);
}
