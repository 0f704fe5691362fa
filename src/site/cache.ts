/**
 * The build cache (`<root>/.pm-cache/`): what each incident produced last time, keyed
 * by a hash of everything its output depends on (pm's code, the resolved config, the
 * theme, the file's path and text) plus the size and mtime of the logs it read.
 * Rebuilds skip unchanged incidents entirely and rebuild indexes from the summaries.
 *
 * Four kinds of file, so a rebuild reads and writes only what it needs:
 *   index.json      one compact row per incident (stamps, key, summary hash, pages):
 *                   read by every rebuild, small enough to parse in a few ms per 1,000
 *   index.log       what changed since index.json was written, one JSON record a line,
 *                   appended by rebuilds; folded into a new index.json when it grows
 *   summaries.json  every incident's summary: read only when site-wide pages change
 *   content/<key>.html  post bodies, for the few incidents the feeds carry
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics.js';
import type { IncidentSummary } from './types.js';

export const CACHE_VERSION = 'pm-cache/5';

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
  /** Records in index.log when this cache was loaded (0 for a new one). */
  logged?: number;
}

export type Summaries = Record<string, IncidentSummary>;

export function cacheDir(root: string): string {
  return path.join(root, '.pm-cache');
}

export function siteKey(version: string, config: ResolvedConfig, themeHash: string): string {
  const { root: _root, outDir: _out, configFile: _file, today: _today, ...rest } = config;
  return hash(`${version}\0${JSON.stringify(rest)}\0${themeHash}`);
}

export function incidentKey(site: string, file: string, content: string): string {
  return hash(`${site}\0${file}\0${content}`);
}

export function hash(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 32);
}

/** Size and mtime of `file`, or null when it cannot be read (missing, no permission). */
export function stampOf(file: string): FileStamp | null {
  try {
    const s = statSync(file, { throwIfNoEntry: false });
    return s ? { size: s.size, mtimeMs: s.mtimeMs } : null;
  } catch {
    return null;
  }
}

export function sameStamp(a: FileStamp | null, b: FileStamp | null): boolean {
  return !!a && !!b && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/**
 * A row of index.json. Page paths are stored with the slug cut out and the resulting
 * shapes shared (`incidents/\0/index.html`), which takes most of the bytes out; a slug
 * that is the file's name is stored as null.
 */
type Row = [file: string, size: number, mtimeMs: number, key: string, slug: string | null, date: number | null, summaryHash: string, shape: number, sources: Array<[string, number, number]>, diagnostics?: DiagnosticRow[]];
/** A diagnostic without its file when it is the entry's own. */
type DiagnosticRow = [level: Diagnostic['level'], line: number, column: number, rule: string, message: string, file?: string, fatal?: true];

interface IndexFile extends Omit<BuildCache, 'entries'> {
  shapes: string[][];
  rows: Row[];
}

type Head = Pick<BuildCache, 'out' | 'siteKey' | 'siteDigest' | 'site'>;
/** A line of index.log: an incident's new row (its page shape inline), a removed file, or a new head. */
type LogRecord = ['row', Row, string[]] | ['del', string] | ['head', Partial<Head>];

export function loadCache(root: string): BuildCache | null {
  const dir = cacheDir(root);
  const index = readJson<IndexFile>(path.join(dir, 'index.json'));
  // Without summaries an index cannot rebuild the site-wide pages: no cache.
  if (!index || index.version !== CACHE_VERSION || !existsSync(path.join(dir, 'summaries.json'))) return null;
  const entries: Record<string, CacheEntry> = {};
  const shapes = index.shapes.map(cutShape);
  for (const row of index.rows) entries[row[0]] = fromRow(row, shapes[row[7]] ?? []);
  const cache: BuildCache = { version: index.version, out: index.out, siteKey: index.siteKey, siteDigest: index.siteDigest, site: index.site, entries, logged: 0 };
  for (const record of readLog(path.join(dir, 'index.log'))) {
    if (record[0] === 'row') entries[record[1][0]] = fromRow(record[1], cutShape(record[2]));
    else if (record[0] === 'del') delete entries[record[1]];
    else Object.assign(cache, record[1]);
    cache.logged!++;
  }
  return cache;
}

/**
 * Saves `cache`. Given the cache this build started from, appends what changed to
 * index.log; a whole new index.json is written instead when there is no such cache or
 * the log would outgrow an eighth of the rows.
 */
export function saveCache(root: string, cache: BuildCache, since?: BuildCache | null): void {
  const dir = cacheDir(root);
  const log = path.join(dir, 'index.log');
  if (since && since.version === cache.version) {
    const records: LogRecord[] = [];
    for (const [file, e] of Object.entries(cache.entries)) {
      if (since.entries[file] !== e) records.push(['row', toRow(e, 0), shapeOf(e)]);
    }
    for (const file of Object.keys(since.entries)) if (!cache.entries[file]) records.push(['del', file]);
    const { out, siteKey, siteDigest, site } = cache;
    if (out !== since.out || siteKey !== since.siteKey || siteDigest !== since.siteDigest || site !== since.site) {
      records.push(['head', { out, siteKey, siteDigest, site }]);
    }
    if ((since.logged ?? 0) + records.length <= Math.max(64, Object.keys(cache.entries).length / 8)) {
      if (records.length) appendFileSync(log, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
      return;
    }
  }
  const shapes: string[][] = [];
  const shapeIds = new Map<string, number>();
  const rows = Object.values(cache.entries).map((e): Row => {
    const shape = shapeOf(e);
    const id = shape.join('\n');
    let n = shapeIds.get(id);
    if (n === undefined) shapeIds.set(id, (n = shapes.push(shape) - 1));
    return toRow(e, n);
  });
  const { entries: _entries, logged: _logged, ...head } = cache;
  writeAtomically(path.join(dir, 'index.json'), JSON.stringify({ ...head, shapes, rows } satisfies IndexFile), log);
}

/**
 * Called before a build changes the output folder: until the build saves its cache, the
 * cache must not vouch for what is there. Site-wide pages are compared with the cache's
 * hashes to skip unchanged ones; a build killed between its commit and its save would leave
 * those hashes describing the folder before it. This makes the next build write every
 * site-wide page again (incident pages are safe: their cache rows hold the stamps of the
 * files they were made from). With no cache to amend, nothing is needed.
 */
export function markOutputChanging(root: string, full: boolean): void {
  const dir = cacheDir(root);
  if (full) rmSync(path.join(dir, 'index.json'), { force: true });
  else if (existsSync(path.join(dir, 'index.json'))) appendFileSync(path.join(dir, 'index.log'), `${JSON.stringify(['head', { siteDigest: '', site: {} }])}\n`);
}

/** The records of index.log up to the first damaged line (a write cut short loses only itself). */
function readLog(file: string): LogRecord[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const records: LogRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      records.push(JSON.parse(line) as LogRecord);
    } catch {
      break;
    }
  }
  return records;
}

/** A shape's paths split where the slug goes, once for all the rows that share it. */
const cutShape = (shape: readonly string[]): string[][] => shape.map((p) => p.split('\0'));
/** Most rows have no sources and no diagnostics: they share one (never modified) empty list. */
const NONE = Object.freeze([]) as unknown as never[];

function fromRow(row: Row, shape: readonly string[][]): CacheEntry {
  const [file, size, mtimeMs, key, ownSlug, date, summaryHash, , sources, diagnostics] = row;
  const slug = ownSlug ?? nameOf(file);
  return {
    file, stamp: { size, mtimeMs }, key, slug, date, summaryHash,
    pages: shape.map((parts) => (parts.length === 1 ? parts[0]! : parts.join(slug))),
    sources: sources.length ? sources.map(([p, s, m]) => ({ path: p, stamp: { size: s, mtimeMs: m } })) : NONE,
    diagnostics: diagnostics?.length
      ? diagnostics.map(([level, line, column, rule, message, other, fatal]) => ({
        level, file: other ?? file, line, column, rule, message, ...(fatal ? { fatal } : {}),
      }))
      : NONE,
  };
}

/** The entry's page paths with its slug cut out: most incidents share one shape. */
const shapeOf = (e: CacheEntry): string[] => e.pages.map((p) => (e.slug ? p.split(e.slug).join('\0') : p));

function toRow(e: CacheEntry, shape: number): Row {
  const sources = e.sources.map((s): [string, number, number] => [s.path, s.stamp.size, s.stamp.mtimeMs]);
  const row: Row = [e.file, e.stamp.size, e.stamp.mtimeMs, e.key, e.slug === nameOf(e.file) ? null : e.slug, e.date, e.summaryHash, shape, sources];
  if (e.diagnostics.length) {
    row.push(e.diagnostics.map((d): DiagnosticRow => {
      const r: DiagnosticRow = [d.level, d.line, d.column, d.rule, d.message];
      if (d.file !== e.file || d.fatal) r.push(d.file);
      if (d.fatal) r.push(true);
      return r;
    }));
  }
  return row;
}

/** The file's name without its extension (`posts/2024-01-01-x.md` → `2024-01-01-x`). */
const nameOf = (file: string): string => file.slice(file.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');

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

export function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null; // missing or damaged: no cache
  }
}

/** Writes `file` through a temporary one; `stale` (a log the new file replaces) goes first. */
export function writeAtomically(file: string, data: string, stale?: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, data);
  if (stale) rmSync(stale, { force: true });
  renameSync(`${file}.tmp`, file);
}
