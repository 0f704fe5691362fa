/**
 * The engine's site-wide step and its bookkeeping: site pages rendered from summaries
 * when plan.ts says their digest changed (only the changed ones handed to the writer),
 * and what a run leaves in the store for the next one.
 */
import { createRequire } from 'node:module';
import type { Diagnostic } from '../diagnostics.js';
import { BODY_ENTRIES } from '../outputs/feed-common.js';
import { previousIndex } from '../outputs/search/previous.js';
import { siteSearch, type SiteSearch } from '../outputs/search/site-search.js';
import { CACHE_VERSION, hash, type BuildCache, type CacheEntry, type SiteCache } from './store/cache.js';
import { saveTemplates } from './store/templates-cache.js';
import { changedPages, siteDigest, splitDigest } from './plan.js';
import { fileForUrl } from '../outputs/urls.js';
import { FOLLOW_UPS_JSON_PATH, SEARCH_DIR } from '../outputs/paths.js';
import { feedBodies, summariesOrRender } from './summaries.js';
import type { SiteSetup } from './setup.js';
import type { Writer } from './writers.js';
import type { IncidentSummary, Page } from '../render/types.js';

/** What one run of the engine knows when it is done: enough to update the site file by file. */
export interface EngineState {
  siteKey: string;
  store: SiteCache | null;
  /** Every incident's row, by file. */
  entries: Record<string, CacheEntry>;
  /** Site-wide outputs (and copies) → content hash. */
  site: Record<string, string>;
  digest: string;
  /** Published summaries in page order, when this run had them (null: still in the store). */
  summaries: IncidentSummary[] | null;
  /** The cache this run started from (the store appends to it), null for a full run. */
  cache: BuildCache | null;
}

export interface SiteStep {
  setup: SiteSetup;
  siteKey: string;
  store: SiteCache | null;
  writer: Writer;
  /** Published rows in page order. */
  published: readonly CacheEntry[];
  entries: Record<string, CacheEntry>;
  /** Summaries of the incidents examined in this run. */
  rendered: Record<string, IncidentSummary>;
  summaries: IncidentSummary[] | null;
  /** The last run's digest and site page hashes; null when nothing can be reused. */
  before: { digest: string; pages: Record<string, string> } | null;
}

export interface SiteResult {
  digest: string;
  /** The digest is the last run's: the site pages in the output are current. */
  same: boolean;
  hashes: Record<string, string>;
  /** How many site pages were written. */
  changed: number;
  /** Their paths, and those of site pages the last run had and this one has not. */
  paths: string[];
  diagnostics: Diagnostic[];
  summaries: IncidentSummary[] | null;
  search: { indexed: number; kept: number };
}

export async function renderSitePages(s: SiteStep): Promise<SiteResult> {
  const { config, site, root, assets } = s.setup;
  const digest = siteDigest({ published: s.published, assets: assets.map((a) => a.path), today: config.today, search: s.writer.search });
  if (s.before && s.before.digest === digest)
    return { digest, same: true, hashes: s.before.pages, changed: 0, paths: [], diagnostics: [], summaries: s.summaries, search: { indexed: 0, kept: 0 } };
  const was = s.before ? splitDigest(s.before.digest) : null;
  const now = splitDigest(digest);
  if (s.before && was && was.pages === now.pages) return someSitePages(s, digest, { lines: was.lines !== now.lines, search: was.search !== now.search });
  const ctx = { root, site, siteKey: s.siteKey, store: s.store };
  const summaries = s.summaries ?? (await summariesOrRender(s.published, s.rendered, ctx));
  await feedBodies(summaries.slice(0, BODY_ENTRIES), s.entries, ctx);
  const { renderSite } = await import('./examine.js');
  const search = await searchPages(s);
  const pages = [...assets, ...renderSite(summaries, site), ...search.pages];
  return {
    ...written(s, pages, s.before?.pages ?? null, keptHashes(s, search.kept)),
    digest,
    same: false,
    diagnostics: search.diagnostics,
    summaries,
    search: search.stats,
  };
}

/**
 * What the site pages are made of is unchanged: the pages that depend on what did change are
 * made again, the others kept: follow-ups.json when action items moved (their lines), the
 * search index when incident pages changed.
 */
async function someSitePages(s: SiteStep, digest: string, redo: { lines: boolean; search: boolean }): Promise<SiteResult> {
  const { root, site } = s.setup;
  let summaries = s.summaries;
  const pages: Page[] = [];
  if (redo.lines) {
    summaries ??= await summariesOrRender(s.published, s.rendered, { root, site, siteKey: s.siteKey, store: s.store });
    const { followUpsJsonPage } = await import('../insights/pages.js');
    pages.push(followUpsJsonPage(summaries, site));
  }
  const search = redo.search ? await searchPages(s) : { pages: [], kept: [], diagnostics: [], stats: { indexed: 0, kept: 0 } };
  pages.push(...search.pages);
  const before = s.before!.pages;
  const redone = (p: string): boolean => (redo.search && p.startsWith(SEARCH_DIR)) || (redo.lines && p === FOLLOW_UPS_JSON_PATH);
  const kept = { ...Object.fromEntries(Object.entries(before).filter(([p]) => !redone(p))), ...keptHashes(s, search.kept) };
  return { ...written(s, pages, before, kept), digest, same: false, diagnostics: search.diagnostics, summaries, search: search.stats };
}

/** The search index of the published incident pages (nothing without search); only changed shards are indexed again. */
async function searchPages(s: SiteStep): Promise<SiteSearch> {
  if (!s.writer.search) return { pages: [], kept: [], diagnostics: [], stats: { indexed: 0, kept: 0 } };
  // the last index's unchanged shards, only from an output this user's cache vouches for (an incremental build):
  // a planted dist/ could hold a shard whose manifest digest matches and whose excerpts do not
  const previous = s.before && s.writer.out ? previousIndex(s.writer.out) : null;
  // a page's key, published in pm-shards.json, must be a function of its bytes: the cache key is not
  // (it holds the site's absolute theme folders), so every page is read and hashed
  const docs = s.published.map((e) => {
    const url = s.setup.site.urls.incident(e.slug);
    return { url, key: hash(s.writer.read(fileForUrl(url)) ?? '') };
  });
  return siteSearch(docs, s.setup.config, (file) => s.writer.read(file), previous);
}

/** Hashes of files kept from the last output as they are: the last run's, else read back (a cache that lacks one). */
function keptHashes(s: SiteStep, paths: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of paths) out[p] = s.before?.pages[p] ?? hash(s.writer.read(p) ?? '');
  return out;
}

/** Hands the pages whose bytes changed to the writer; `kept`: hashes of site pages this run keeps as they are. */
function written(s: SiteStep, pages: readonly Page[], before: Record<string, string> | null, kept: Record<string, string>) {
  const { hashes, changed, gone } = changedPages(pages, before);
  s.writer.put(changed);
  const paths = [...changed.map((p) => p.path), ...gone.filter((p) => !(p in kept))].sort();
  return { hashes: { ...kept, ...hashes }, changed: changed.length, paths };
}

/** The cache key of the precompiled theme: templates are only good for the Handlebars that made them. */
export function templatesKey(siteKey: string): string {
  const { version } = createRequire(import.meta.url)('handlebars/package.json') as { version: string };
  return `${siteKey}\0${version}`;
}

interface SaveOptions {
  seeded: number;
  /** Null: templates are not cached. */
  templatesKey: string | null;
  renderer: SiteSetup['site']['renderer'];
  summariesChanged: boolean;
}

/** Records the run in the store (and the precompiled theme); returns warnings for what could not be saved. */
export function saveState(state: EngineState, writer: Writer, o: SaveOptions): Diagnostic[] {
  const problems: string[] = [];
  if (state.store && writer.out) {
    const next: BuildCache = {
      version: CACHE_VERSION,
      out: writer.out,
      outStamp: writer.stamp(),
      siteKey: state.siteKey,
      siteDigest: state.digest,
      entries: state.entries,
      site: state.site,
    };
    try {
      if (state.summaries && o.summariesChanged) state.store.saveSummaries(byFile(state.summaries));
      state.store.save(next, state.cache);
      state.cache = null; // the next save writes a whole index (the log is bound to the loaded one)
    } catch (e) {
      problems.push(`the build cache could not be saved (${(e as Error).message}): the next build is a full one`);
    }
  }
  if (o.templatesKey) {
    o.renderer.precompileAll();
    if (Object.keys(o.renderer.specs).length !== o.seeded) saveTemplates(o.templatesKey, o.renderer.specs);
  }
  return problems.map((message) => ({ level: 'warning', file: '.pm-cache', line: 0, column: 0, rule: 'build/cache', message }));
}

function byFile(summaries: readonly IncidentSummary[]): Record<string, IncidentSummary> {
  const out: Record<string, IncidentSummary> = {};
  for (const s of summaries) out[s.file] = { ...s, contentHtml: '' };
  return out;
}
