/**
 * A build that writes: decides what the cache lets it skip, renders the rest (in
 * worker processes when there is a lot), stages the output beside the output folder
 * and commits it — by swapping the whole folder (full build) or through a journal
 * of moves (incremental build). Nothing reaches the output folder if any error-level
 * diagnostic was found.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { hasErrors, sortDiagnostics } from '../diagnostics.js';
import { codeFingerprint } from '../version.js';
import type { BuildOptions, BuildResult } from './build.js';
import {
  hash, loadCache, loadSummaries, markOutputChanging, sameStamp, saveCache, saveSummaries, siteKey as makeSiteKey, stampOf,
  CACHE_VERSION, type BuildCache, type CacheEntry,
} from './cache.js';
import { FEED_ENTRIES } from './feed-common.js';
import { NewestBodies } from './feed-newest.js';
import { commitJournal } from './journal.js';
import { loadTemplates, saveTemplates } from './templates-cache.js';
import { checkSlugs, type IncidentResult, type SiteSetup } from './pipeline.js';
import { processInWorkers, workersAvailable } from './pool.js';
import { feedBodies, pageOrder, summariesInOrder } from './summaries.js';
import type { IncidentSummary, Page } from './types.js';
import { commitStaging, createStaging, DirSink, discardStaging } from './write.js';

/** Below this many incidents to render, worker processes cost more than they save. */
const WORKER_THRESHOLD = 48;

export async function buildToDisk(setup: SiteSetup, options: BuildOptions): Promise<BuildResult> {
  const { root, config, site, files } = setup;
  const out = config.outDir;
  const siteKey = makeSiteKey(codeFingerprint(), config, setup.theme.hash);
  const useCache = options.cache ?? true;
  const cache = useCache ? loadCache(root) : null;
  const templatesKey = `${siteKey}\0${handlebarsVersion()}`;
  const seeded = useCache ? Object.keys(Object.assign(site.renderer.specs, loadTemplates(templatesKey))).length : 0;
  const staging = createStaging(out);
  const incremental = !!cache && cache.siteKey === siteKey && cache.out === out && existsSync(out);
  try {
    const entries: Record<string, CacheEntry> = {};
    const todo: string[] = [];
    for (const file of files) {
      const entry = incremental ? cache.entries[file] : undefined;
      if (entry && fresh(entry, `${root}/${file}`)) entries[file] = entry;
      else todo.push(file);
    }
    const results = await render(todo, setup, options, { siteKey, staging, done: files.length - todo.length });
    const rendered: Record<string, IncidentSummary> = {};
    for (const r of results) {
      entries[r.file] = toEntry(root, r);
      if (r.summary) rendered[r.file] = r.summary;
    }
    const current = files.map((f) => entries[f]!);
    const published = pageOrder(current);
    const diagnostics = sortDiagnostics([
      ...setup.diagnostics,
      ...current.flatMap((e) => e.diagnostics),
      ...checkSlugs(current.map((e) => ({ file: e.file, slug: e.slug, summary: e.date === null ? null : e.summaryHash }))),
    ]);
    // Summaries of incidents not rendered now come from the cache, read only if needed.
    let summaries: IncidentSummary[] | null = incremental ? null : published.map((e) => rendered[e.file]!);
    const incidents = (): IncidentSummary[] => (summaries ??= summariesInOrder(published, rendered, loadSummaries(root) ?? {}));
    const stats = { incidents: published.length, rendered: results.filter((r) => r.summary).length, files: 0, written: 0, incremental };
    const base = { config, pages: [], diagnostics, stats };
    if (hasErrors(diagnostics)) {
      discardStaging(staging);
      return withIncidents({ ...base, written: false }, incidents);
    }

    // Site-wide pages depend only on the summaries and the feed's newest bodies: when their
    // digest is the one of the last build, those pages are on disk already.
    const digest = siteDigest(published, setup.assets.map((a) => a.path));
    const same = incremental && cache.siteDigest === digest;
    let siteHashes: Record<string, string>;
    let changed: Page[] = [];
    if (same) siteHashes = cache.site;
    else {
      summaries ??= await summariesOrRender(published, rendered, { root, site, siteKey });
      await feedBodies(summaries.slice(0, FEED_ENTRIES), entries, { root, site, siteKey, useCache });
      const { renderSite } = await import('./process.js');
      const sitePages = [...setup.assets, ...renderSite(summaries, site)];
      siteHashes = {};
      for (const p of sitePages) siteHashes[p.path] = hash(p.contents);
      changed = incremental ? sitePages.filter((p) => cache.site[p.path] !== siteHashes[p.path] || !existsSync(path.join(out, p.path))) : sitePages;
    }
    stats.files = current.reduce((n, e) => n + e.pages.length, 0) + Object.keys(siteHashes).length;
    new DirSink(staging).put(changed);

    const next = { version: CACHE_VERSION, out, siteKey, siteDigest: digest, entries, site: siteHashes };
    if (incremental) {
      const moves = [...results.flatMap((r) => r.pages.map((p) => p.path)), ...changed.map((p) => p.path)];
      // nothing rendered, no file gone, same site pages: nothing can have been left behind
      const unchanged = !results.length && same && files.length === Object.keys(cache.entries).length;
      const deletes = unchanged ? [] : leftovers(cache, entries, siteHashes);
      if (useCache && changed.length) markOutputChanging(root, false);
      commitJournal(out, { staging, moves, deletes });
      stats.written = moves.length;
      if (useCache && (moves.length || deletes.length || !same || files.length !== Object.keys(cache.entries).length)) {
        if (!same && summaries) saveSummaries(root, byFile(summaries));
        saveCache(root, next, cache);
      }
    } else {
      if (useCache) markOutputChanging(root, true);
      commitStaging(staging, out);
      stats.written = stats.files;
      if (useCache && summaries) {
        saveSummaries(root, byFile(summaries));
        saveCache(root, next);
      }
    }
    if (useCache) keepTemplates(templatesKey, site.renderer, seeded);
    return withIncidents({ ...base, written: true }, incidents);
  } catch (e) {
    discardStaging(staging);
    throw e;
  }
}

/** Renders the incidents the cache could not supply, in worker processes when there are many. */
async function render(
  todo: readonly string[],
  setup: SiteSetup,
  options: BuildOptions,
  ctx: { siteKey: string; staging: string; done: number },
): Promise<IncidentResult[]> {
  const { root, site, files } = setup;
  let done = ctx.done;
  const progress = (r: IncidentResult): void => options.onProgress?.(++done, files.length, r.file);
  const threads = options.threads ?? Math.min(2, os.availableParallelism());
  if (threads > 1 && todo.length >= WORKER_THRESHOLD && workersAvailable()) {
    const { config, out, drafts, public: isPublic, baseUrl, theme } = options;
    const setupData = { root, config, out, drafts, public: isPublic, baseUrl, theme };
    // Workers send the bodies the feeds may carry; only the newest stay here (feed-newest.ts).
    const newest = new NewestBodies<IncidentSummary>();
    const onResult = (r: IncidentResult): void => {
      if (r.summary?.contentHtml) {
        const { kept, dropped } = newest.add(r.summary);
        if (!kept) r.summary.contentHtml = '';
        if (dropped) dropped.contentHtml = '';
      }
      progress(r);
    };
    // Templates are compiled here once (the build saves them anyway), not in every worker.
    site.renderer.precompileAll();
    return processInWorkers(todo, { setup: setupData, siteKey: ctx.siteKey, staging: ctx.staging, threads, specs: site.renderer.specs, onResult });
  }
  if (todo.length === 0) return [];
  const { readAndProcess } = await import('./process.js');
  const sink = new DirSink(ctx.staging);
  const results: IncidentResult[] = [];
  for (const file of todo) {
    const r = await readAndProcess(root, file, site, ctx.siteKey);
    sink.put(r.pages);
    progress(r);
    results.push(r);
  }
  return results;
}

/** Every summary in page order; one missing from the cache (a damaged cache) is rendered again. */
async function summariesOrRender(
  published: readonly CacheEntry[],
  rendered: Record<string, IncidentSummary>,
  ctx: { root: string; site: SiteSetup['site']; siteKey: string },
): Promise<IncidentSummary[]> {
  const cached = loadSummaries(ctx.root) ?? {};
  const { readAndProcess } = await import('./process.js');
  for (const e of published) {
    if (rendered[e.file] || cached[e.file]) continue;
    const summary = (await readAndProcess(ctx.root, e.file, ctx.site, ctx.siteKey)).summary;
    if (summary) cached[e.file] = summary;
  }
  return summariesInOrder(published, rendered, cached);
}

/** What the site-wide pages are made of: every summary (by its hash, in page order) and the feed's bodies. */
function siteDigest(published: readonly CacheEntry[], assets: readonly string[]): string {
  const parts = published.map((e) => e.summaryHash);
  const bodies = published.slice(0, FEED_ENTRIES).map((e) => e.key);
  return hash(JSON.stringify([parts, bodies, assets]));
}

/**
 * Outputs of the last build this one no longer has. Only an incident that changed or went
 * away (or a site-wide page) can leave one; a path it left may belong to another incident
 * now (slugs swapped, a file renamed), so candidates are checked against every page.
 */
function leftovers(cache: BuildCache, entries: Record<string, CacheEntry>, site: Record<string, string>): string[] {
  const gone: string[] = [];
  for (const [file, old] of Object.entries(cache.entries)) {
    const now = entries[file];
    if (now === old) continue;
    const still = new Set(now?.pages);
    for (const p of old.pages) if (!still.has(p)) gone.push(p);
  }
  for (const p of Object.keys(cache.site)) if (!(p in site)) gone.push(p);
  if (gone.length === 0) return [];
  const owned = new Set(Object.values(entries).flatMap((e) => e.pages));
  return [...new Set(gone)].filter((p) => !owned.has(p) && !(p in site));
}

/** Saves the theme precompiled, if the cache lacked any of it. */
function keepTemplates(key: string, renderer: SiteSetup['site']['renderer'], seeded: number): void {
  renderer.precompileAll();
  if (Object.keys(renderer.specs).length !== seeded) saveTemplates(key, renderer.specs);
}

/** Precompiled templates are only good for the Handlebars that made them. */
function handlebarsVersion(): string {
  return (createRequire(import.meta.url)('handlebars/package.json') as { version: string }).version;
}

function fresh(entry: CacheEntry, absFile: string): boolean {
  return sameStamp(entry.stamp, stampOf(absFile)) && entry.sources.every((s) => sameStamp(s.stamp, stampOf(s.path)));
}

function toEntry(root: string, r: IncidentResult): CacheEntry {
  return {
    file: r.file,
    stamp: stampOf(path.join(root, r.file)) ?? { size: -1, mtimeMs: -1 },
    key: r.key,
    slug: r.slug,
    date: r.summary ? r.summary.date : null,
    summaryHash: r.summary ? hash(JSON.stringify({ ...r.summary, contentHtml: '' })) : '',
    diagnostics: r.diagnostics,
    pages: r.pages.map((p) => p.path),
    sources: r.sources.map((p) => ({ path: p, stamp: stampOf(p) ?? { size: -1, mtimeMs: -1 } })),
  };
}

function byFile(summaries: readonly IncidentSummary[]): Record<string, IncidentSummary> {
  const out: Record<string, IncidentSummary> = {};
  for (const s of summaries) out[s.file] = { ...s, contentHtml: '' };
  return out;
}

/** `incidents` is read from the cache on first use: a rebuild that needs no summaries reads none. */
function withIncidents(result: Omit<BuildResult, 'incidents'>, incidents: () => IncidentSummary[]): BuildResult {
  return Object.defineProperty(result, 'incidents', { get: incidents, enumerable: true }) as BuildResult;
}
