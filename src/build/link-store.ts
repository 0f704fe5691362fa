/**
 * Local-link warnings in a disk build. The whole site must be known to tell whether a link
 * points at something, so the check runs after every incident is rendered or reused. The
 * refs of incidents the cache spares come from `links.json` in the store's folder (refs by
 * file, with the cache key of the text they were read from: a row for other text is not
 * used). Each store has its own (`pm build`'s, `pm serve`'s, its background check's): their
 * keys differ, so a shared file would lose every row to whichever ran last.
 */
import path from 'node:path';
import type { UrlPatterns } from '../config/types.js';
import type { Diagnostic } from '../diagnostics.js';
import type { CacheEntry } from './store/cache.js';
import { readJson, writeAtomically } from './store/cache-files.js';
import { checkLocalRefs, published, refOwner, type LocalRef } from '../check/local-links.js';
import type { IncidentResult } from './setup.js';

type Stored = Record<string, [key: string, refs: LocalRef[]]>;

const storeFile = (dir: string): string => path.join(dir, 'links.json');

export interface LinkCheck {
  urls: UrlPatterns;
  /** The store's folder; null: no store, nothing kept. */
  dir: string | null;
  /** Every incident of this build, rendered now or reused. */
  entries: readonly CacheEntry[];
  /** The incidents rendered now. */
  results: readonly IncidentResult[];
  /** Every path the build publishes. */
  outputs: ReadonlySet<string>;
}

export function localLinkWarnings(c: LinkCheck): Diagnostic[] {
  const fresh = new Map(c.results.map((r) => [r.file, r.links ?? []]));
  const reused = c.entries.some((e) => e.date !== null && !fresh.has(e.file));
  const stored = c.dir && reused ? loadStore(c.dir) : {};
  const next: Stored = {};
  const warnings: Diagnostic[] = [];
  for (const e of c.entries) {
    if (e.date === null) continue;
    const row = stored[e.file];
    const refs = fresh.get(e.file) ?? (row && row[0] === e.key ? row[1] : []);
    if (!refs.length) continue;
    next[e.file] = [e.key, refs];
    warnings.push(...checkLocalRefs(refOwner(e.file, e.slug, c.urls), refs, (p) => published(p, c.outputs)));
  }
  if (c.dir && (c.results.length || Object.keys(stored).length !== Object.keys(next).length)) {
    try {
      writeAtomically(storeFile(c.dir), JSON.stringify(next));
    } catch {
      // a cache folder that is not pm's to write (a link, read-only): the refs are read again next time
    }
  }
  return warnings;
}

/** The stored refs, rows of the wrong shape left out (the cache folder is as untrusted as the site). */
function loadStore(dir: string): Stored {
  const data = readJson<unknown>(storeFile(dir));
  const out: Stored = {};
  if (!data || typeof data !== 'object') return out;
  for (const [file, row] of Object.entries(data as Record<string, unknown>)) {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || !Array.isArray(row[1])) continue;
    const refs = (row[1] as unknown[]).filter(isRef);
    out[file] = [row[0], refs];
  }
  return out;
}

function isRef(r: unknown): r is LocalRef {
  const o = r as LocalRef;
  return (
    !!o &&
    typeof o === 'object' &&
    (o.kind === 'link' || o.kind === 'image') &&
    typeof o.url === 'string' &&
    Number.isInteger(o.line) &&
    Number.isInteger(o.column)
  );
}
