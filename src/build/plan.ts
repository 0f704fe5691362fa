/**
 * What must be rendered again, decided in one place for every caller of the engine
 * (`pm build`, `pm serve`, `buildSite`, `pm check`):
 *
 * - an incident is rendered again unless its cache row is fresh: the same file text stamp
 *   and the same stamps of every log it read (`planIncidents`, `isFresh`);
 * - site-wide pages are rendered again only when their digest changed (`siteDigest`):
 *   every published summary by its hash in page order, the post bodies the feeds carry
 *   (the newest BODY_ENTRIES), the theme's assets, `today`; and, with search, a second part:
 *   every incident page's key, so an edit that changes no summary re-indexes search only.
 *
 * The digest sees summaries through their rows, so `pm serve` decides after an edit exactly
 * as the next `pm build` would (one rule, no per-caller comparison of summaries).
 */
import path from 'node:path';
import { BODY_ENTRIES } from '../outputs/feed-common.js';
import { hash, sameStamp, stampOf, type BuildCache, type CacheEntry } from './store/cache.js';
import type { IncidentResult } from './setup.js';
import type { IncidentSummary } from '../render/types.js';

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
    summaryHash: r.summary ? summaryHash(r.summary) : '',
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

/**
 * A summary's hash (without the body) in two parts, `<pages>.<lines>`: what every site page
 * sees, and the lines of its action items, which only follow-ups.json shows (`source.line`):
 * an edit above the action items moves them and changes nothing else.
 */
export function summaryHash(summary: IncidentSummary): string {
  const actions = summary.actions ?? [];
  const seen = { ...summary, contentHtml: '', actions: actions.map((a) => ({ ...a, line: 0 })) };
  return `${hash(JSON.stringify(seen))}.${hash(actions.map((a) => a.line).join(','))}`;
}

/**
 * What the site-wide pages are made of, as one string `<pages>.<lines>[+<search>]`
 * (`splitDigest`): what the site pages are made of; the action items' lines (follow-ups.json);
 * with search, every incident page's key (the search index).
 */
export function siteDigest(s: SiteInputs): string {
  const parts = s.published.map((e) => e.summaryHash.split('.')[0]);
  const lines = s.published.map((e) => e.summaryHash.split('.')[1] ?? '');
  const bodies = s.published.slice(0, BODY_ENTRIES).map((e) => e.key);
  const pages = hash(JSON.stringify([parts, bodies, s.assets, s.today])); // `today`: overdue follow-ups (not in the site key)
  const digest = `${pages}.${hash(lines.join(','))}`;
  return s.search ? `${digest}+${hash(JSON.stringify(s.published.map(pageKey)))}` : digest;
}

/** The parts of a site digest: the site pages', the action lines' and the search index's ('' without search). */
export function splitDigest(digest: string): { pages: string; lines: string; search: string } {
  const [both = '', search = ''] = digest.split('+');
  const [pages = '', lines = ''] = both.split('.');
  return { pages, lines, search };
}

/** What an incident's pages are made of: its cache key (pm, config, theme, the post's text) and its logs' stamps. */
export function pageKey(e: CacheEntry): string {
  return e.sources.length ? `${e.key}:${e.sources.map((x) => `${x.stamp.size}/${x.stamp.mtimeMs}`).join(',')}` : e.key;
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
