/**
 * The build cache (`<root>/.pm-cache/`): what each incident produced last time, keyed
 * by a hash of everything its output depends on (pm's code, the resolved config, the
 * theme, the file's path and text) plus the size and mtime of the logs it read.
 * Rebuilds skip unchanged incidents entirely and rebuild indexes from the summaries.
 *
 * Four kinds of file, so a rebuild reads and writes only what it needs: index.json (one
 * compact row per incident, read by every rebuild), index.log (what changed since, one
 * record a line, folded into a new index.json when it grows), summaries.json (read only
 * when site-wide pages change), content/<key>.html (the bodies the feeds carry).
 *
 * The cache is in the site folder, so it is untrusted: every file and log line is
 * authenticated (cache-sign.ts), and page paths are checked again when read. Anything
 * that fails is discarded, with one warning per build (`problem`).
 */
import { appendFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../../config/types.js';
import { isPlainDir, isPlainFile, plainDir, readText, writeAtomically } from './cache-files.js';
import { cutShape, fromRow, safeOutputPath, shapeOf, toRow, type CacheEntry, type Row } from './cache-rows.js';
import { signerFor, type Signer } from './cache-sign.js';
import { hash } from './stamps.js';
import type { IncidentSummary } from '../../render/types.js';

export { hash, sameStamp, stampOf, type FileStamp } from './stamps.js';
export type { CacheEntry } from './cache-rows.js';

export const CACHE_VERSION = 'pm-cache/7';

export interface BuildCache {
  version: string;
  out: string;
  /** Identity of the output folder this cache describes (out-guard.ts stampId): another one means a full build. */
  outStamp: string;
  /** Hash of pm's code, the resolved config and the theme: a change means a full build. */
  siteKey: string;
  entries: Record<string, CacheEntry>;
  /** Digest of what site-wide pages are made of (summaries, feed bodies, assets). */
  siteDigest: string;
  /** Site-wide outputs → content hash, to write only what changed. */
  site: Record<string, string>;
  /** Records in index.log when this cache was loaded (0 for a new one). */
  logged?: number;
  /** MAC of the index.json this cache was loaded from: log lines are bound to it. */
  sealedBy?: string;
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

interface IndexFile extends Omit<BuildCache, 'entries' | 'logged' | 'sealedBy'> {
  shapes: string[][];
  rows: Row[];
}

type Head = Pick<BuildCache, 'out' | 'outStamp' | 'siteKey' | 'siteDigest' | 'site'>;
/** A line of index.log: a new row (its page shape inline), a removed file, a new head, or the site pages' changed hashes (null: gone). */
type LogRecord = ['row', Row, string[]] | ['del', string] | ['head', Partial<Omit<Head, 'site'>>] | ['site', Record<string, string | null>];

/**
 * The cache of the site at `root`; null when this user has no secret to authenticate one with.
 * `dir`: another folder for it (`pm serve` keeps its own, for its own output folder).
 */
export function openCache(root: string, dir?: string): SiteCache | null {
  const signer = signerFor(root);
  return signer ? new SiteCache(root, signer, dir) : null;
}

export class SiteCache {
  /** Why a cache file was discarded, the first time one was; the build reports it once. */
  problem: string | null = null;
  readonly dir: string;
  constructor(
    readonly root: string,
    private readonly signer: Signer,
    dir?: string,
  ) {
    this.dir = dir ?? cacheDir(root);
  }

  load(): BuildCache | null {
    const text = readText(path.join(this.dir, 'index.json'));
    if (text === null) return null;
    if (!isPlainDir(this.dir)) return (this.discard(''), null);
    try {
      const data = this.signer.open('index', text);
      if (data === null) throw new Error('not authenticated');
      const index = JSON.parse(data) as IndexFile;
      // Without summaries an index cannot rebuild the site-wide pages: no cache (not a problem).
      if (index.version !== CACHE_VERSION || !isPlainFile(path.join(this.dir, 'summaries.json'))) return null;
      const entries: Record<string, CacheEntry> = {};
      const shapes = index.shapes.map(cutShape);
      for (const row of index.rows) entries[row[0]] = fromRow(row, shapes[row[7]] ?? []);
      const sealedBy = text.slice(0, text.indexOf('\n'));
      const { out, outStamp, siteKey: key, siteDigest, site } = index;
      const cache: BuildCache = { version: index.version, out, outStamp, siteKey: key, siteDigest, site, entries, logged: 0, sealedBy };
      for (const record of this.readLog(sealedBy)) {
        if (record[0] === 'row') entries[record[1][0]] = fromRow(record[1], cutShape(record[2]));
        else if (record[0] === 'del') delete entries[record[1]];
        else if (record[0] === 'site') patchSite(cache.site, record[1]);
        else Object.assign(cache, record[1]);
        cache.logged!++;
      }
      if (!Object.keys(cache.site).every(safeOutputPath)) throw new Error('a site page path leaves the output folder');
      return cache;
    } catch {
      this.discard('index.json');
      return null;
    }
  }

  /**
   * Saves `cache`. Given the cache this build started from, appends what changed to
   * index.log; a whole new index.json is written instead when there is no such cache or
   * the log would outgrow an eighth of the rows.
   */
  save(cache: BuildCache, since?: BuildCache | null): void {
    plainDir(this.dir);
    const log = path.join(this.dir, 'index.log');
    if (since?.sealedBy && since.version === cache.version) {
      const records: LogRecord[] = [];
      for (const [file, e] of Object.entries(cache.entries)) {
        if (since.entries[file] !== e) records.push(['row', toRow(e, 0), shapeOf(e)]);
      }
      for (const file of Object.keys(since.entries)) if (!cache.entries[file]) records.push(['del', file]);
      const { out, outStamp, siteKey: key, siteDigest } = cache;
      if (out !== since.out || outStamp !== since.outStamp || key !== since.siteKey || siteDigest !== since.siteDigest) {
        records.push(['head', { out, outStamp, siteKey: key, siteDigest }]);
      }
      const site = siteChanges(since.site, cache.site);
      if (Object.keys(site).length) records.push(['site', site]);
      const logged = since.logged ?? 0;
      if (logged + records.length <= Math.max(64, Object.keys(cache.entries).length / 8)) {
        const lines = records.map((r, i) => this.logLine(since.sealedBy!, logged + i, JSON.stringify(r)));
        if (!lines.length) return;
        if (logged === 0) rmSync(log, { force: true, recursive: true });
        if (logged === 0 || isPlainFile(log)) return void appendFileSync(log, lines.join(''), { flag: logged === 0 ? 'wx' : 'a' });
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
    const { entries: _entries, logged: _logged, sealedBy: _sealed, ...head } = cache;
    const index: IndexFile = { ...head, shapes, rows };
    writeAtomically(path.join(this.dir, 'index.json'), this.signer.seal('index', JSON.stringify(index)), log);
  }

  /** Summaries by file, kept apart from the index: read only when site-wide pages are rendered again. */
  loadSummaries(): Summaries | null {
    const text = readText(path.join(this.dir, 'summaries.json'));
    const data = text === null ? null : this.signer.open('summaries', text);
    if (data === null) {
      if (text !== null) this.discard('summaries.json');
      return null;
    }
    return JSON.parse(data) as Summaries;
  }

  saveSummaries(summaries: Summaries): void {
    plainDir(this.dir);
    writeAtomically(path.join(this.dir, 'summaries.json'), this.signer.seal('summaries', JSON.stringify(summaries)));
  }

  /** Post bodies are kept apart from the index so a rebuild reads only the few the feeds need. */
  saveContent(key: string, html: string): void {
    try {
      plainDir(this.dir);
      writeAtomically(path.join(this.dir, 'content', `${contentName(key)}.html`), this.signer.seal(`content\0${key}`, html));
    } catch {
      // an unwritable cache: the next build renders the body again
    }
  }

  loadContent(key: string): string | null {
    const text = readText(path.join(this.dir, 'content', `${contentName(key)}.html`));
    const html = text === null ? null : this.signer.open(`content\0${key}`, text);
    if (html === null && text !== null) this.discard(`content/${contentName(key)}.html`);
    return html;
  }

  private logLine(sealedBy: string, n: number, json: string): string {
    return `${this.signer.mac('log', `${sealedBy}\0${n}\0${json}`)} ${json}\n`;
  }

  /** The records of index.log up to the first damaged line (a write cut short loses only itself). */
  private readLog(sealedBy: string): LogRecord[] {
    const text = readText(path.join(this.dir, 'index.log')) ?? '';
    const records: LogRecord[] = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      const json = line.slice(65);
      if (line[64] !== ' ' || !this.signer.same(line.slice(0, 64), this.signer.mac('log', `${sealedBy}\0${records.length}\0${json}`))) break;
      try {
        records.push(JSON.parse(json) as LogRecord);
      } catch {
        break;
      }
    }
    return records;
  }

  private discard(file: string): void {
    this.problem ??= `${path.posix.join('.pm-cache', file)} is damaged or was not written by your pm for this site: not trusted, what it held is rendered again`;
  }
}

/** Keys are hex hashes; anything else is not a file name pm made. */
const contentName = (key: string): string => (/^[0-9a-f]{1,64}$/.test(key) ? key : hash(key));

/** The site pages' hashes that differ from `before` (null: gone): the log never holds the whole map again (1 MB at 10,000 incidents with search). */
function siteChanges(before: Record<string, string>, after: Record<string, string>): Record<string, string | null> {
  const changes: Record<string, string | null> = {};
  if (before === after) return changes;
  for (const [p, h] of Object.entries(after)) if (!Object.hasOwn(before, p) || before[p] !== h) setOwn(changes, p, h);
  for (const p of Object.keys(before)) if (!Object.hasOwn(after, p)) setOwn(changes, p, null);
  return changes;
}

function patchSite(site: Record<string, string>, changes: Record<string, string | null>): void {
  for (const [p, h] of Object.entries(changes)) {
    if (h === null) delete site[p];
    else setOwn(site, p, h);
  }
}

/** `o[key] = value` as an own property, `__proto__` too: a static/ file may have any name. */
function setOwn<T>(o: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}
