/**
 * The build cache (`<root>/.pm-cache/`): what each incident produced last time, keyed
 * by a hash of everything its output depends on (pm's version, the resolved config,
 * the theme, the file's path and text) plus the size and mtime of the logs it read.
 * Rebuilds skip unchanged incidents entirely and rebuild indexes from the summaries.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics.js';
import type { IncidentSummary } from './types.js';

export const CACHE_VERSION = 'pm-cache/3';

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export interface CacheEntry {
  file: string;
  stamp: FileStamp;
  key: string;
  slug: string;
  /** Null for a left-out draft. `contentHtml` is kept in content/<key>.html, not here. */
  summary: IncidentSummary | null;
  /** Hash of `summary`: what the site-wide pages see of this incident. */
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
  /** Hash of pm's version, the resolved config and the theme: a change means a full build. */
  siteKey: string;
  entries: Record<string, CacheEntry>;
  /** Digest of what site-wide pages are made of (summaries, feed bodies, assets). */
  siteDigest: string;
  /** Site-wide outputs → content hash, to write only what changed. */
  site: Record<string, string>;
}

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

export function loadCache(root: string): BuildCache | null {
  const file = path.join(cacheDir(root), 'build.json');
  if (!existsSync(file)) return null;
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as BuildCache;
    return cache.version === CACHE_VERSION ? cache : null;
  } catch {
    return null; // a damaged cache is no cache
  }
}

export function saveCache(root: string, cache: BuildCache): void {
  const dir = cacheDir(root);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'build.json');
  writeFileSync(`${file}.tmp`, JSON.stringify(cache));
  renameSync(`${file}.tmp`, file);
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
