/**
 * Pagefind indexes of the incident pages (https://pagefind.app), through its Node API:
 * each page is added from memory under its site URL and each index comes back as files
 * for `pagefind/` (the primary shard) or `pagefind/shard-k/` (the others, their index data
 * only: the browser loads the code and the WebAssembly once, from the primary).
 * Pagefind runs as a native binary shipped in the npm package; where it cannot run,
 * the caller gets the reason instead of files.
 *
 * Determinism: pages are added one at a time in page order. Pagefind still writes its
 * filter files (and the entry file naming them) in an order of its own that can vary
 * between runs (Pagefind issue #638), so no page declares Pagefind filters; every other
 * file, and what a search returns, is the same for the same pages.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '../../render/types.js';
import { SEARCH_DIR } from '../paths.js';
import { isShardData, shardDir, type Shard } from './shards.js';

export type SearchIndex = { ok: true; pages: Page[] } | { ok: false; reason: string };

/** The installed Pagefind's version (part of every shard's digest), or null when it cannot be read. */
export function pagefindVersion(): string | null {
  try {
    const manifest = new URL('../package.json', import.meta.resolve('pagefind'));
    const version = (JSON.parse(readFileSync(fileURLToPath(manifest), 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' ? version : null;
  } catch {
    return null;
  }
}

/** One index per shard, all from one run of the Pagefind binary; `html` gives a page's HTML (null: left out). */
export async function pagefindShards(shards: readonly Shard[], language: string, html: (url: string) => string | null): Promise<SearchIndex> {
  let pagefind: typeof import('pagefind');
  try {
    pagefind = await import('pagefind');
  } catch (e) {
    return { ok: false, reason: `the pagefind package could not be loaded (${message(e)})` };
  }
  // Pagefind logs a binary that stopped (or never started) itself; the caller reports it once instead.
  const log = console.error;
  let stopped: string | null = null;
  console.error = (...args: unknown[]): void => {
    if (args[0] === 'Service stopped') stopped ??= message(args[1]);
    else log(...args);
  };
  try {
    const pages: Page[] = [];
    for (const shard of shards) {
      const created = await pagefind.createIndex({ forceLanguage: language.split('-')[0] || 'en' });
      if (!created.index) return { ok: false, reason: created.errors.join('; ') || 'Pagefind did not start' };
      const { index } = created;
      for (const doc of shard.docs) {
        const content = html(doc.url);
        if (content === null) continue;
        const added = await index.addHTMLFile({ url: `/${doc.url}`, content });
        if (added.errors.length) return { ok: false, reason: added.errors.join('; ') };
      }
      const { files, errors } = await index.getFiles();
      if (errors.length) return { ok: false, reason: errors.join('; ') };
      await index.deleteIndex();
      for (const f of files) {
        const file = f.path.replace(/^\/+/, '');
        if (shard.k === 0 || isShardData(file)) pages.push({ path: `${SEARCH_DIR}${shardDir(shard.k)}${file}`, contents: Buffer.from(f.content) });
      }
    }
    return { ok: true, pages };
  } catch (e) {
    return { ok: false, reason: stopped ?? message(e) };
  } finally {
    await pagefind.close().catch(() => null);
    console.error = log;
  }
}

function message(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? 'unknown error';
}
