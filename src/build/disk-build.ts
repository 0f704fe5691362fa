/**
 * A build that writes: decides what the cache lets it skip, renders the rest (in
 * worker processes when there is a lot), stages a complete new output folder beside
 * the output folder — unchanged files hard-linked from the current one — and swaps it
 * in (write/staging.ts). Nothing reaches the output folder if any error-level diagnostic was
 * found, and only a folder pm may replace is replaced (out-guard.ts).
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { codeFingerprint } from '../version.js';
import type { BuildOptions, BuildResult } from './build.js';
import {
  hash, openCache, sameStamp, siteKey as makeSiteKey, stampOf, CACHE_VERSION, type BuildCache, type CacheEntry, type SiteCache,
} from './store/cache.js';
import { copiesFor, planCopies, splitSite, writeCopies } from '../write/copy-plan.js';
import { diskError } from '../write/disk-errors.js';
import { BODY_ENTRIES } from '../outputs/feed-common.js';
import { keepNewestBodies } from '../outputs/feed-newest.js';
import { localLinkWarnings } from './link-store.js';
import { checkOutput, stampId } from '../write/out-guard.js';
import { loadTemplates, saveTemplates } from './store/templates-cache.js';
import { checkSlugs, type IncidentResult, type SiteSetup } from './setup.js';
import { processInWorkers, workersAvailable } from './pool.js';
import { feedBodies, pageOrder, summariesInOrder } from './summaries.js';
import type { IncidentSummary, Page } from '../render/types.js';
import { commitStaging, createStaging, DirSink, discardStaging, linkUnchanged } from '../write/staging.js';

/** Below this many incidents to render, worker processes cost more than they save. */
const WORKER_THRESHOLD = 48;

/** Refuses an output folder that is not pm's to replace; turns a disk's refusal into a clear error. */
export async function buildToDisk(setup: SiteSetup, options: BuildOptions): Promise<BuildResult> {
  checkOutput(setup.config, options.out === undefined);
  try {
    return await writeBuild(setup, options, false);
  } catch (e) {
    throw diskError(e, setup.config.outDir) ?? e;
  }
}

async function writeBuild(setup: SiteSetup, options: BuildOptions, full: boolean): Promise<BuildResult> {
  const { root, config, site, files } = setup;
  const out = config.outDir;
  const siteKey = makeSiteKey(codeFingerprint(), config, setup.theme.hash);
  const useCache = options.cache ?? true;
  const store = useCache ? openCache(root) : null;
  const cache = full ? null : store?.load() ?? null;
  const templatesKey = `${siteKey}\0${handlebarsVersion()}`;
  const seeded = useCache ? Object.keys(Object.assign(site.renderer.specs, loadTemplates(templatesKey))).length : 0;
  const { staging, warnings } = createStaging(out);
  const notes = (): Diagnostic[] => [...warnings, ...(store?.problem ? [store.problem] : [])]
    .map((message) => ({ level: 'warning', file: rel(root, out), line: 0, column: 0, rule: 'build/output', message }));
  const incremental = !!cache && cache.siteKey === siteKey && cache.out === out && !!cache.outStamp && cache.outStamp === stampId(out);
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
    const found = copiesFor({ root, postsDir: config.postsDir, urls: config.urls }, current);
    let diagnostics = sortDiagnostics([
      ...setup.diagnostics,
      ...found.diagnostics,
      ...current.flatMap((e) => e.diagnostics),
      ...checkSlugs(current.map((e) => ({ file: e.file, slug: e.slug, summary: e.date === null ? null : e.summaryHash }))),
    ]);
    // Summaries of incidents not rendered now come from the cache, read only if needed.
    let summaries: IncidentSummary[] | null = incremental ? null : published.map((e) => rendered[e.file]!);
    const incidents = (): IncidentSummary[] => (summaries ??= summariesInOrder(published, rendered, store?.loadSummaries() ?? {}));
    const stats = { incidents: published.length, rendered: results.filter((r) => r.summary).length, files: 0, written: 0, incremental };
    const base = { config, pages: [], stats };
    if (hasErrors(diagnostics)) {
      discardStaging(staging);
      return withIncidents({ ...base, diagnostics: sortDiagnostics([...diagnostics, ...notes()]), written: false }, incidents);
    }

    // Site-wide pages depend only on the summaries and the feed's newest bodies: when their
    // digest is the one of the last build, those pages are in the output folder already.
    const digest = siteDigest(published, setup.assets.map((a) => a.path), config.today, config.search);
    const same = incremental && cache.siteDigest === digest;
    const before = incremental ? splitSite(cache.site) : null;
    let siteHashes: Record<string, string>;
    let changed: Page[] = [];
    if (same) siteHashes = before!.pages;
    else {
      summaries ??= await summariesOrRender(published, rendered, { root, site, siteKey, store });
      await feedBodies(summaries.slice(0, BODY_ENTRIES), entries, { root, site, siteKey, store });
      const { renderSite } = await import('./examine.js');
      const sitePages = [...setup.assets, ...renderSite(summaries, site)];
      const search = await (await import('../outputs/search/site-search.js')).diskSearch(summaries, config, staging, out);
      sitePages.push(...search.pages);
      diagnostics.push(...search.diagnostics);
      siteHashes = {};
      for (const p of sitePages) siteHashes[p.path] = hash(p.contents);
      changed = incremental ? sitePages.filter((p) => cache.site[p.path] !== siteHashes[p.path]) : sitePages;
    }
    // Bundle assets and static/ (copy-plan.ts): never where pm writes a page.
    const outputs = new Set([...current.flatMap((e) => e.pages), ...Object.keys(siteHashes)]);
    const copies = planCopies(found.copies, outputs, before?.copies ?? null, out);
    if (copies.collisions.length) {
      discardStaging(staging);
      return withIncidents({ ...base, diagnostics: sortDiagnostics([...diagnostics, ...copies.collisions, ...notes()]), written: false }, incidents);
    }
    siteHashes = { ...siteHashes, ...copies.hashes };
    for (const p of Object.keys(copies.hashes)) outputs.add(p);
    const links = localLinkWarnings({ root, urls: config.urls, useCache, entries: current, results, outputs });
    if (links.length) diagnostics = sortDiagnostics([...diagnostics, ...links]);
    stats.files = current.reduce((n, e) => n + e.pages.length, 0) + Object.keys(siteHashes).length;
    const sink = new DirSink(staging);
    sink.put(changed);
    writeCopies(sink, copies.changed);

    if (incremental) {
      // nothing rendered, no file gone, same site pages and copies: the output folder is this build's already
      if (!results.length && same && copies.same && files.length === Object.keys(cache.entries).length) {
        discardStaging(staging);
        return withIncidents({ ...base, diagnostics: sortDiagnostics([...diagnostics, ...notes()]), written: true }, incidents);
      }
      if (!linkUnchanged(out, staging, [...current.flatMap((e) => e.pages), ...Object.keys(siteHashes)])) {
        discardStaging(staging); // the output folder lacks a file the cache says it has: build it all
        return writeBuild(setup, options, true);
      }
      stats.written = results.reduce((n, r) => n + r.pages.length, 0) + changed.length + copies.changed.length;
    } else stats.written = stats.files;
    commitStaging(staging, out);

    const saved: string[] = [];
    if (store) {
      const next: BuildCache = { version: CACHE_VERSION, out, outStamp: stampId(out), siteKey, siteDigest: digest, entries, site: siteHashes };
      try {
        if (summaries && (!incremental || !same)) store.saveSummaries(byFile(summaries));
        store.save(next, incremental ? cache : null);
      } catch (e) {
        saved.push(`the build cache could not be saved (${(e as Error).message}): the next build is a full one`);
      }
    }
    if (useCache) keepTemplates(templatesKey, site.renderer, seeded);
    const late = [...notes(), ...saved.map((message): Diagnostic => ({ level: 'warning', file: '.pm-cache', line: 0, column: 0, rule: 'build/cache', message }))];
    return withIncidents({ ...base, diagnostics: sortDiagnostics([...diagnostics, ...late]), written: true }, incidents);
  } catch (e) {
    discardStaging(staging);
    throw e;
  }
}

const rel = (root: string, p: string): string => path.relative(root, p).split(path.sep).join('/') || '.';

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
    const keep = keepNewestBodies(); // the feeds' bodies, sent by the workers
    site.renderer.precompileAll(); // once here (the build saves them), not in every worker
    const specs = site.renderer.specs;
    return processInWorkers(todo, { setup: setupData, siteKey: ctx.siteKey, staging: ctx.staging, threads, specs, onResult: (r) => (keep(r.summary), progress(r)) });
  }
  if (todo.length === 0) return [];
  const { readAndProcess } = await import('./examine.js');
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
  ctx: { root: string; site: SiteSetup['site']; siteKey: string; store: SiteCache | null },
): Promise<IncidentSummary[]> {
  const cached = ctx.store?.loadSummaries() ?? {};
  const { readAndProcess } = await import('./examine.js');
  for (const e of published) {
    if (rendered[e.file] || cached[e.file]) continue;
    const summary = (await readAndProcess(ctx.root, e.file, ctx.site, ctx.siteKey)).summary;
    if (summary) cached[e.file] = summary;
  }
  return summariesInOrder(published, rendered, cached);
}

/** What the site-wide pages are made of: every summary (by its hash, in page order), the feeds' bodies, with search every page. */
function siteDigest(published: readonly CacheEntry[], assets: readonly string[], today: string | null, search: boolean): string {
  const parts = published.map((e) => e.summaryHash);
  const bodies = published.slice(0, BODY_ENTRIES).map((e) => e.key);
  const pages = search ? published.map((e) => [e.key, e.sources.map((s) => s.stamp)]) : [];
  return hash(JSON.stringify([parts, bodies, assets, today, pages])); // `today`: overdue follow-ups (not in the site key)
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
