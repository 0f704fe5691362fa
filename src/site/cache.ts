/**
 * The build cache (`<root>/.pm-cache/`): what each incident produced last time, keyed
 * by a hash of everything its output depends on (pm's code, the resolved config, the
 * theme, the file's path and text) plus the size and mtime of the logs it read.
 * Rebuilds skip unchanged incidents entirely and rebuild indexes from the summaries.
 *
 * Three kinds of file, so a rebuild reads and writes only what it needs:
 *   index.json      one compact row per incident (stamps, key, summary hash, pages):
 *                   read by every rebuild, small enough to parse in a few ms per 1,000
 *   summaries.json  every incident's summary: read only when site-wide pages change
 *   content/<key>.html  post bodies, for the few incidents the feeds carry
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics.js';
import type { IncidentSummary } from './types.js';

export const CACHE_VERSION = 'pm-cache/4';

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export interface CacheEntry {
  file: string;
  stamp: FileStamp;
  key: string;
  slug: string;
  /** The summary's date (its place in page order); null for a left-out draft. */
  date: number | null;
  /** Hash of the summary (without the body): what site-wide pages see of this incident. */
  summaryHash: string;
  diagnostics: Diagnostic[];
  /** Output paths this incident wrote. */
  pages: string[];
  /** Logs read, with their stamps: a changed log invalidates the entry. */
  sources: Array<{ path: string; stamp: FileStamp }>;
}

export interface BuildCache {
  version: string;
  out: string;
  /** Hash of pm's code, the resolved config and the theme: a change means a full build. */
  siteKey: string;
  entries: Record<string, CacheEntry>;
  /** Digest of what site-wide pages are made of (summaries, feed bodies, assets). */
  siteDigest: string;
  /** Site-wide outputs → content hash, to write only what changed. */
  site: Record<string, string>;
}

export type Summaries = Record<string, IncidentSummary>;

export function cacheDir(root: string): string {
  return path.join(root, '.pm-cache');
}

export function siteKey(version: string, config: ResolvedConfig, themeHash: string): string {
  const { root: _root, outDir: _out, configFile: _file, ...rest } = config;
  return hash(`${version}\0${JSON.stringify(rest)}\0${themeHash}`);
}

export function incidentKey(site: string, file: string, content: string): string {
  return hash(`${site}\0${file}\0${content}`);
}

export function hash(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 32);
}

export function stampOf(file: string): FileStamp | null {
  try {
    const s = statSync(file);
    return { size: s.size, mtimeMs: s.mtimeMs };
  } catch {
    return null;
  }
}

export function sameStamp(a: FileStamp | null, b: FileStamp | null): boolean {
  return !!a && !!b && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/**
 * A row of index.json. Page paths are stored with the slug cut out and the resulting
 * shapes shared (`incidents/\0/index.html`), which takes most of the bytes out.
 */
type Row = [file: string, size: number, mtimeMs: number, key: string, slug: string, date: number | null, summaryHash: string, shape: number, sources: Array<[string, number, number]>, diagnostics?: DiagnosticRow[]];
/** A diagnostic without its file when it is the entry's own. */
type DiagnosticRow = [level: Diagnostic['level'], line: number, column: number, rule: string, message: string, file?: string, fatal?: true];

interface IndexFile extends Omit<BuildCache, 'entries'> {
  shapes: string[][];
  rows: Row[];
}

export function loadCache(root: string): BuildCache | null {
  const index = readJson<IndexFile>(path.join(cacheDir(root), 'index.json'));
  // Without summaries an index cannot rebuild the site-wide pages: no cache.
  if (!index || index.version !== CACHE_VERSION || !existsSync(path.join(cacheDir(root), 'summaries.json'))) return null;
  const entries: Record<string, CacheEntry> = {};
  for (const [file, size, mtimeMs, key, slug, date, summaryHash, shape, sources, diagnostics] of index.rows) {
    entries[file] = {
      file, stamp: { size, mtimeMs }, key, slug, date, summaryHash,
      pages: (index.shapes[shape] ?? []).map((p) => p.split('\0').join(slug)),
      sources: sources.map(([p, s, m]) => ({ path: p, stamp: { size: s, mtimeMs: m } })),
      diagnostics: (diagnostics ?? []).map(([level, line, column, rule, message, other, fatal]) => ({
        level, file: other ?? file, line, column, rule, message, ...(fatal ? { fatal } : {}),
      })),
    };
  }
  return { version: index.version, out: index.out, siteKey: index.siteKey, siteDigest: index.siteDigest, site: index.site, entries };
}

export function saveCache(root: string, cache: BuildCache): void {
  const shapes: string[][] = [];
  const shapeIds = new Map<string, number>();
  const rows = Object.values(cache.entries).map((e): Row => {
    const shape = e.pages.map((p) => (e.slug ? p.split(e.slug).join('\0') : p));
    const id = shape.join('\n');
    let n = shapeIds.get(id);
    if (n === undefined) shapeIds.set(id, (n = shapes.push(shape) - 1));
    const sources = e.sources.map((s): [string, number, number] => [s.path, s.stamp.size, s.stamp.mtimeMs]);
    const row: Row = [e.file, e.stamp.size, e.stamp.mtimeMs, e.key, e.slug, e.date, e.summaryHash, n, sources];
    if (e.diagnostics.length) {
      row.push(e.diagnostics.map((d): DiagnosticRow => {
        const r: DiagnosticRow = [d.level, d.line, d.column, d.rule, d.message];
        if (d.file !== e.file || d.fatal) r.push(d.file);
        if (d.fatal) r.push(true);
        return r;
      }));
    }
    return row;
  });
  const { entries: _entries, ...head } = cache;
  writeAtomically(path.join(cacheDir(root), 'index.json'), JSON.stringify({ ...head, shapes, rows } satisfies IndexFile));
}

/** Summaries by file, kept apart from the index: read only when site-wide pages are rendered again. */
export function loadSummaries(root: string): Summaries | null {
  return readJson<Summaries>(path.join(cacheDir(root), 'summaries.json'));
}

export function saveSummaries(root: string, summaries: Summaries): void {
  writeAtomically(path.join(cacheDir(root), 'summaries.json'), JSON.stringify(summaries));
}

/** Post bodies are kept apart from the index so a rebuild reads only the few the feeds need. */
export function saveContent(root: string, key: string, html: string): void {
  const dir = path.join(cacheDir(root), 'content');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${key}.html`), html);
}

export function loadContent(root: string, key: string): string | null {
  try {
    return readFileSync(path.join(cacheDir(root), 'content', `${key}.html`), 'utf8');
  } catch {
    return null;
  }
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null; // missing or damaged: no cache
  }
}

function writeAtomically(file: string, data: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, data);
  renameSync(`${file}.tmp`, file);
}
