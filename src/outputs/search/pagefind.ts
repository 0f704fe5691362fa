/**
 * The Pagefind index of the incident pages (https://pagefind.app), through its Node
 * API: each page is added from memory under its site URL and the bundle comes back
 * as files for `pagefind/`. Pagefind runs as a native binary shipped in the npm
 * package; where it cannot run, the caller gets the reason instead of files.
 *
 * Determinism: pages are added one at a time in page order. Pagefind still writes its
 * filter files (and the entry file naming them) in an order of its own that can vary
 * between runs (Pagefind issue #638); every other file, and what a search returns, is
 * the same for the same pages.
 */
import type { Page } from '../../render/types.js';
import { SEARCH_DIR } from '../paths.js';

export interface SearchDocument {
  /** URL path relative to the site root: `incidents/x/`. */
  url: string;
  html: string;
}

export type SearchIndex = { ok: true; pages: Page[] } | { ok: false; reason: string };


export async function pagefindIndex(docs: readonly SearchDocument[], language: string): Promise<SearchIndex> {
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
    const created = await pagefind.createIndex({ forceLanguage: language.split('-')[0] || 'en' });
    if (!created.index) return { ok: false, reason: created.errors.join('; ') || 'Pagefind did not start' };
    const { index } = created;
    for (const doc of docs) {
      const added = await index.addHTMLFile({ url: `/${doc.url}`, content: doc.html });
      if (added.errors.length) return { ok: false, reason: added.errors.join('; ') };
    }
    const { files, errors } = await index.getFiles();
    if (errors.length) return { ok: false, reason: errors.join('; ') };
    await index.deleteIndex();
    const pages = files
      .map((f) => ({ path: `${SEARCH_DIR}${f.path.replace(/^\/+/, '')}`, contents: Buffer.from(f.content) }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
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
