/**
 * Where `pm serve` keeps its pages and its store: `<site>/.pm-cache/serve/` (the store's
 * files, and its output folder `site/`), beside the build cache and never the site's
 * output folder. So a second start finds its pages and rows there (a warm start). When
 * the site's `.pm-cache` is not a plain folder pm may write (a link, a file, a read-only
 * site), the pages go to a temporary folder instead, removed on close, with no store.
 * One server at a time uses the folder (serve-lock.ts): a second is refused.
 */
import { lstatSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cacheDir, openCache, type SiteCache } from '../build/store/cache.js';
import { lockServe, ServeBusyError } from './serve-lock.js';

export interface ServeFolder {
  /** The folder pages are written to and served from. */
  out: string;
  store: SiteCache | null;
  /** Removes what only this server needed (the temporary folder). */
  dispose(): void;
}

export function serveFolder(root: string): ServeFolder {
  const cache = cacheDir(root);
  const dir = path.join(cache, 'serve');
  try {
    if (!plainOrMissing(cache)) throw new Error('not a folder');
    mkdirSync(cache, { recursive: true });
    if (!plainOrMissing(dir)) throw new Error('not a folder');
    mkdirSync(dir, { recursive: true });
    if (!lstatSync(cache).isDirectory() || !lstatSync(dir).isDirectory()) throw new Error('not a folder');
    const lock = lockServe(dir, path.join(path.basename(cache), 'serve') + path.sep);
    return { out: path.join(dir, 'site'), store: openCache(root, dir), dispose: () => lock.release() };
  } catch (e) {
    if (e instanceof ServeBusyError) throw e;
    const temp = mkdtempSync(path.join(tmpdir(), 'pm-serve-'));
    return { out: path.join(temp, 'site'), store: null, dispose: () => rmSync(temp, { recursive: true, force: true }) };
  }
}

/** A real folder (not a link to one), or nothing yet. */
function plainOrMissing(p: string): boolean {
  try {
    return lstatSync(p).isDirectory();
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT';
  }
}
