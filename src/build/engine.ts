/**
 * The engine: one way from a site's files to its output, for every caller.
 *
 *   plan        which incidents the cache (the store) can supply           plan.ts
 *   examine     the others, each through examineIncident, maybe in workers  examine-many.ts
 *   site        site-wide pages from summaries, when their digest changed  plan.ts, examine.ts renderSite
 *   copies      bundle assets and static/, never over one of pm's pages     write/copy-plan.ts
 *   links       local links and images checked against every output        link-store.ts
 *   write       the writer makes it the output (memory, staged, in place)  writers.ts
 *
 * `buildSite` (both modes), `pm build`, `pm serve` and `pm check` call `runEngine`; `pm serve`
 * keeps the returned state and updates it one file at a time (serve/live-site.ts).
 */
import path from 'node:path';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { codeFingerprint } from '../version.js';
import { siteKey as makeSiteKey, type BuildCache, type CacheEntry, type SiteCache } from './store/cache.js';
import { loadTemplates } from './store/templates-cache.js';
import { copiesFor, planCopies, splitSite } from '../write/copy-plan.js';
import { readCopy } from '../load/copies.js';
import { localLinkWarnings } from './link-store.js';
import { checkSlugs, type SiteSetup } from './setup.js';
import { examineMany } from './examine-many.js';
import { pageCollisions } from './page-collisions.js';
import { entryOf, planIncidents } from './plan.js';
import { pageOrder, summariesInOrder } from './summaries.js';
import { renderSitePages, saveState, templatesKey, type EngineState } from './engine-site.js';
import type { Examined } from './examine.js';
import type { BuildOptions, BuildResult } from './types.js';
import type { Writer } from './writers.js';
import type { IncidentSummary } from '../render/types.js';

export interface EngineOptions extends BuildOptions {
  /** The store: the disk cache, or null for none. */
  store: SiteCache | null;
  /** A new writer for this run (called again when an incremental run must start over in full). */
  writer: () => Writer;
  onExamined?: (examined: Examined) => void;
}

export interface EngineRun {
  result: BuildResult;
  /** What a caller that keeps the site current (pm serve) needs; null when nothing was written. */
  state: EngineState | null;
}

export async function runEngine(setup: SiteSetup, options: EngineOptions, full = false): Promise<EngineRun> {
  const { root, config, site, files } = setup;
  const siteKey = makeSiteKey(codeFingerprint(), config, setup.theme.hash);
  const store = options.store;
  const cache = full ? null : (store?.load() ?? null);
  const writer = options.writer();
  const tKey = writer.out && options.cache !== false ? templatesKey(siteKey) : null;
  const seeded = tKey ? Object.keys(Object.assign(site.renderer.specs, loadTemplates(tKey))).length : 0;
  const notes = (): Diagnostic[] =>
    [...writer.warnings, ...(store?.problem ? [store.problem] : [])].map((message) => ({
      level: 'warning',
      file: rel(root, writer.out ?? root),
      line: 0,
      column: 0,
      rule: 'build/output',
      message,
    }));
  const incremental = !!cache && cache.siteKey === siteKey && cache.out === writer.out && !!cache.outStamp && cache.outStamp === writer.stamp();
  try {
    writer.begin?.(incremental);
    const { entries, todo } = planIncidents(root, files, incremental ? cache : null);
    const results = await examineMany(todo, {
      setup,
      options,
      siteKey,
      writer,
      threads: options.threads,
      done: files.length - todo.length,
      onProgress: options.onProgress,
      onExamined: options.onExamined,
    });
    const rendered: Record<string, IncidentSummary> = {};
    for (const r of results) {
      entries[r.file] = entryOf(root, r);
      if (r.summary) rendered[r.file] = r.summary;
    }
    const current = files.map((f) => entries[f]!);
    const published = pageOrder(current);
    const found = copiesFor({ root, postsDir: config.postsDir, urls: config.urls }, current);
    const diagnostics = [
      ...setup.diagnostics,
      ...found.diagnostics,
      ...current.flatMap((e) => e.diagnostics),
      ...checkSlugs(current.map((e) => ({ file: e.file, slug: e.slug, summary: e.date === null ? null : e.summaryHash }))),
    ];
    // Summaries of incidents not rendered now come from the store, read only if needed.
    let summaries: IncidentSummary[] | null = incremental ? null : published.map((e) => rendered[e.file]!);
    const incidents = (): IncidentSummary[] => (summaries ??= summariesInOrder(published, rendered, store?.loadSummaries() ?? {}));
    const stats = {
      incidents: published.length,
      rendered: results.filter((r) => r.summary).length,
      files: 0,
      written: 0,
      incremental,
      search: { indexed: 0, kept: 0 },
    };
    const base = { config, pages: [] as BuildResult['pages'], stats };
    const stop = (more: Diagnostic[]): EngineRun => {
      writer.discard();
      return {
        result: withIncidents({ ...base, diagnostics: sortDiagnostics([...diagnostics, ...more, ...notes()]), written: false }, incidents),
        state: null,
      };
    };
    if (hasErrors(diagnostics) && !writer.keepGoing) return stop([]);

    const before = incremental ? splitSite(cache.site) : null;
    const sitePart = await renderSitePages({
      setup,
      siteKey,
      store,
      writer,
      published,
      entries,
      rendered,
      summaries,
      before: incremental ? { digest: cache.siteDigest, pages: before!.pages } : null,
    });
    summaries = sitePart.summaries ?? summaries;
    stats.search = sitePart.search;
    diagnostics.push(...sitePart.diagnostics);
    const clashes = pageCollisions(current, Object.keys(sitePart.hashes));
    if (clashes.length && !writer.keepGoing) return stop(clashes);
    diagnostics.push(...clashes);
    // Bundle assets and static/ (copy-plan.ts): never where pm writes a page.
    const outputs = new Set([...current.flatMap((e) => e.pages), ...Object.keys(sitePart.hashes)]);
    const copies = planCopies(found.copies, outputs, before?.copies ?? null, writer.out ?? root);
    if (copies.collisions.length && !writer.keepGoing) return stop(copies.collisions);
    diagnostics.push(...copies.collisions);
    const siteHashes = { ...sitePart.hashes, ...(copies.collisions.length ? {} : copies.hashes) };
    if (!copies.collisions.length) for (const p of Object.keys(copies.hashes)) outputs.add(p);
    diagnostics.push(...localLinkWarnings({ urls: config.urls, dir: store?.dir ?? null, entries: current, results, outputs }));
    stats.files = current.reduce((n, e) => n + e.pages.length, 0) + Object.keys(siteHashes).length;
    if (!copies.collisions.length) for (const c of copies.changed) writer.put([{ path: c.path, contents: readCopy(c) }]);
    const state: EngineState = { siteKey, store, entries, site: siteHashes, digest: sitePart.digest, summaries, cache: incremental ? cache : null };

    if (incremental) {
      // nothing rendered, no file gone, same site pages and copies: the output is this build's already
      if (!results.length && sitePart.same && copies.same && files.length === Object.keys(cache.entries).length) {
        writer.discard();
        return { result: withIncidents({ ...base, diagnostics: sortDiagnostics([...diagnostics, ...notes()]), written: true }, incidents), state };
      }
      stats.written = results.reduce((n, r) => n + r.pages.length, 0) + sitePart.changed + copies.changed.length;
    } else stats.written = writer.out ? stats.files : 0;
    const gone = incremental ? goneOutputs(cache, outputs) : [];
    if (!writer.commit([...outputs], gone, incremental)) {
      writer.discard(); // the output lacks a file the cache says it has: build it all
      return runEngine(setup, options, true);
    }
    const late = writer.out
      ? saveState(state, writer, { seeded, templatesKey: tKey, renderer: site.renderer, summariesChanged: !incremental || !sitePart.same })
      : [];
    if (!writer.out) base.pages = 'sorted' in writer ? (writer as { sorted(): BuildResult['pages'] }).sorted() : [];
    return { result: withIncidents({ ...base, diagnostics: sortDiagnostics([...diagnostics, ...notes(), ...late]), written: !!writer.out }, incidents), state };
  } catch (e) {
    writer.discard();
    throw e;
  }
}

/** Paths of the last output that this one no longer has (an in-place writer deletes them). */
function goneOutputs(cache: BuildCache, outputs: ReadonlySet<string>): string[] {
  const before = [...Object.values(cache.entries).flatMap((e: CacheEntry) => e.pages), ...Object.keys(cache.site)];
  return before.filter((p) => !outputs.has(p));
}

const rel = (root: string, p: string): string => path.relative(root, p).split(path.sep).join('/') || '.';

/** `incidents` is read from the store on first use: a rebuild that needs no summaries reads none. */
function withIncidents(result: Omit<BuildResult, 'incidents'>, incidents: () => IncidentSummary[]): BuildResult {
  return Object.defineProperty(result, 'incidents', { get: incidents, enumerable: true }) as BuildResult;
}
