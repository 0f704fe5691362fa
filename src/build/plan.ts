/**
 * What must be rendered again, decided in one place for every caller of the engine
 * (`pm build`, `pm serve`, `buildSite`, `pm check`):
 *
 * - an incident is rendered again unless its cache row is fresh: the same file text stamp
 *   and the same stamps of every log it read (`planIncidents`, `isFresh`);
 * - site-wide pages are rendered again only when their digest changed (`siteDigest`):
 *   every published summary by its hash in page order, the post bodies the feeds carry
 *   (the newest BODY_ENTRIES), the theme's assets, `today`, and — with search — every page.
 *
 * The digest sees summaries through their rows, so `pm serve` decides after an edit exactly
 * as the next `pm build` would (one rule, no per-caller comparison of summaries).
 */
import path from 'node:path';
import { BODY_ENTRIES } from '../outputs/feed-common.js';
import { hash, sameStamp, stampOf, type BuildCache, type CacheEntry } from './store/cache.js';
import type { IncidentResult } from './setup.js';

/** Rows reused from the cache, and the files to examine again. */
export function planIncidents(root: string, files: readonly string[], cache: BuildCache | null): { entries: Record<string, CacheEntry>; todo: string[] } {
  const entries: Record<string, CacheEntry> = {};
  const todo: string[] = [];
  for (const file of files) {
    const entry = cache?.entries[file];
    if (entry && isFresh(entry, path.join(root, file))) entries[file] = entry;
    else todo.push(file);
  }
  return { entries, todo };
}

/** The file and every log it read have the stamps they had when the row was made. */
export function isFresh(entry: CacheEntry, absFile: string): boolean {
  return sameStamp(entry.stamp, stampOf(absFile)) && entry.sources.every((s) => sameStamp(s.stamp, stampOf(s.path)));
}

/** An incident's cache row, from what examining it gave. */
export function entryOf(root: string, r: IncidentResult): CacheEntry {
  return {
    file: r.file,
    stamp: stampOf(path.join(root, r.file)) ?? { size: -1, mtimeMs: -1 },
    key: r.key,
    slug: r.slug,
    date: r.summary ? r.summary.date : null,
    summaryHash: r.summary ? hash(JSON.stringify({ ...r.summary, contentHtml: '' })) : '',
    diagnostics: r.diagnostics,
    pages: r.pages.map((p) => p.path),
    sources: r.sources.map((p) => ({ path: p, stamp: stampOf(p) ?? { size: -1, mtimeMs: -1 } })),
  };
}

export interface SiteInputs {
  /** Published rows in page order (summaries.ts pageOrder). */
  published: readonly CacheEntry[];
  /** Output paths of the theme's hashed assets. */
  assets: readonly string[];
  today: string | null;
  /** Whether the output gets a search index (made of every incident page). */
  search: boolean;
}

/** What the site-wide pages are made of, as one hash. */
export function siteDigest(s: SiteInputs): string {
  const parts = s.published.map((e) => e.summaryHash);
  const bodies = s.published.slice(0, BODY_ENTRIES).map((e) => e.key);
  const pages = s.search ? s.published.map((e) => [e.key, e.sources.map((x) => x.stamp)]) : [];
  return hash(JSON.stringify([parts, bodies, s.assets, s.today, pages])); // `today`: overdue follow-ups (not in the site key)
}

/** The site pages whose bytes differ from the last hashes (all of them without any). */
export function changedPages<P extends { path: string; contents: string | Buffer }>(
  pages: readonly P[],
  before: Record<string, string> | null,
): { hashes: Record<string, string>; changed: P[]; gone: string[] } {
  const hashes: Record<string, string> = {};
  for (const p of pages) hashes[p.path] = hash(p.contents);
  const changed = before ? pages.filter((p) => before[p.path] !== hashes[p.path]) : [...pages];
  const gone = before ? Object.keys(before).filter((p) => !(p in hashes)) : [];
  return { hashes, changed, gone };
}
