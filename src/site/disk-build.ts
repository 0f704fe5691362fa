/**
 * A build that writes: decides what the cache lets it skip, renders the rest (on
 * worker threads when there is a lot), stages the output beside the output folder
 * and commits it — by swapping the whole folder (full build) or through a journal
 * of moves (incremental build). Nothing reaches the output folder if any error-level
 * diagnostic was found.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hasErrors, sortDiagnostics } from '../diagnostics.js';
import { codeFingerprint } from '../version.js';
import type { BuildOptions, BuildResult } from './build.js';
import {
  hash, loadCache, loadContent, sameStamp, saveCache, saveContent, siteKey as makeSiteKey, stampOf,
  CACHE_VERSION, type CacheEntry,
} from './cache.js';
import { FEED_ENTRIES } from './feed-common.js';
import { commitJournal } from './journal.js';
import { checkSlugs, readAndProcess, renderSite, type IncidentResult, type SetupOptions, type SiteSetup } from './pipeline.js';
import { processInWorkers, workersAvailable } from './pool.js';
import { sortSummaries } from './render-indexes.js';
import type { IncidentSummary, Page } from './types.js';
import { commitStaging, createStaging, DirSink, discardStaging } from './write.js';

/** Below this many incidents to render, threads cost more than they save. */
const WORKER_THRESHOLD = 48;

export async function buildToDisk(setup: SiteSetup, options: BuildOptions): Promise<BuildResult> {
  const { root, config, site, files } = setup;
  const out = config.outDir;
  const siteKey = makeSiteKey(codeFingerprint(), config, setup.theme.hash);
  const useCache = options.cache ?? true;
  const cache = useCache ? loadCache(root) : null;
  const staging = createStaging(out);
  const incremental = !!cache && cache.siteKey === siteKey && cache.out === out && existsSync(out);
  try {
    const reused: CacheEntry[] = [];
    const todo: string[] = [];
    const entries: Record<string, CacheEntry> = {};
    for (const file of files) {
      const entry = incremental ? cache.entries[file] : undefined;
      if (entry && fresh(entry, path.join(root, file))) {
        reused.push(entry);
        entries[file] = entry;
      } else todo.push(file);
    }
    let done = reused.length;
    const progress = (r: IncidentResult): void => options.onProgress?.(++done, files.length, r.file);
    const sink = new DirSink(staging);
    const threads = options.threads ?? Math.min(2, os.availableParallelism());
    const results =
      threads > 1 && todo.length >= WORKER_THRESHOLD && workersAvailable()
        ? await processInWorkers(todo, { setup: setupData(options, root), siteKey, staging, threads, onResult: progress })
        : await inline(todo, async (file) => {
            const r = await readAndProcess(root, file, site, siteKey);
            sink.put(r.pages);
            progress(r);
            return r;
          });

    const all = [...reused.map(asResult), ...results];
    const diagnostics = sortDiagnostics([...setup.diagnostics, ...all.flatMap((r) => r.diagnostics), ...checkSlugs(all)]);
    const summaries = sortSummaries(all.flatMap((r) => (r.summary ? [r.summary] : [])));
    const base = { config, pages: [], incidents: summaries, diagnostics };
    const stats = { incidents: summaries.length, rendered: results.filter((r) => r.summary).length, files: 0, written: 0, incremental };
    if (hasErrors(diagnostics)) {
      discardStaging(staging);
      return { ...base, written: false, stats };
    }

    for (const r of results) entries[r.file] = toEntry(root, r);
    // Site-wide pages depend only on the summaries and the feed's newest bodies: when their
    // digest is the one of the last build, those pages are on disk already.
    const digest = siteDigest(summaries, entries, setup.assets.map((a) => a.path));
    const same = incremental && cache.siteDigest === digest;
    let siteHashes: Record<string, string>;
    let changed: Page[] = [];
    if (same) siteHashes = cache.site;
    else {
      await feedBodies(summaries, entries, { root, site, siteKey, useCache });
      const sitePages = [...setup.assets, ...renderSite(summaries, site)];
      siteHashes = {};
      for (const p of sitePages) siteHashes[p.path] = hash(p.contents);
      changed = incremental ? sitePages.filter((p) => cache.site[p.path] !== siteHashes[p.path] || !existsSync(path.join(out, p.path))) : sitePages;
    }
    const incidentPages = Object.values(entries).flatMap((e) => e.pages);
    stats.files = incidentPages.length + Object.keys(siteHashes).length;
    sink.put(changed);

    if (incremental) {
      const moves = [...results.flatMap((r) => r.pages.map((p) => p.path)), ...changed.map((p) => p.path)];
      const keep = new Set([...incidentPages, ...Object.keys(siteHashes)]);
      const before = [...Object.values(cache.entries).flatMap((e) => e.pages), ...Object.keys(cache.site)];
      const deletes = [...new Set(before.filter((p) => !keep.has(p)))];
      commitJournal(out, { staging, moves, deletes });
      stats.written = moves.length;
      if (useCache && (moves.length || deletes.length || !same || files.length !== Object.keys(cache.entries).length)) {
        saveCache(root, { version: CACHE_VERSION, out, siteKey, siteDigest: digest, entries, site: siteHashes });
      }
    } else {
      commitStaging(staging, out);
      stats.written = stats.files;
      if (useCache) saveCache(root, { version: CACHE_VERSION, out, siteKey, siteDigest: digest, entries, site: siteHashes });
    }
    return { ...base, written: true, stats };
  } catch (e) {
    discardStaging(staging);
    throw e;
  }
}

async function inline<T>(files: readonly string[], fn: (file: string) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (const file of files) out.push(await fn(file));
  return out;
}

/**
 * What the site-wide pages are made of: every summary (by the hash kept with its cache
 * entry, in page order) and the keys of the feed's bodies.
 */
function siteDigest(summaries: readonly IncidentSummary[], entries: Record<string, CacheEntry>, assets: readonly string[]): string {
  const parts = summaries.map((s) => entries[s.file]?.summaryHash ?? '');
  const bodies = summaries.slice(0, FEED_ENTRIES).map((s) => entries[s.file]?.key ?? '');
  return hash(JSON.stringify([parts, bodies, assets]));
}

/** Feeds carry the newest bodies: kept in the cache; rendered again when a worker kept them. */
async function feedBodies(
  summaries: readonly IncidentSummary[],
  entries: Record<string, CacheEntry>,
  ctx: { root: string; site: SiteSetup['site']; siteKey: string; useCache: boolean },
): Promise<void> {
  for (const s of summaries.slice(0, FEED_ENTRIES)) {
    const key = entries[s.file]?.key ?? '';
    const cached = s.contentHtml ? null : loadContent(ctx.root, key);
    if (cached !== null) s.contentHtml = cached;
    else {
      s.contentHtml ||= (await readAndProcess(ctx.root, s.file, ctx.site, ctx.siteKey)).summary?.contentHtml ?? '';
      if (ctx.useCache) saveContent(ctx.root, key, s.contentHtml);
    }
  }
}

function fresh(entry: CacheEntry, absFile: string): boolean {
  return sameStamp(entry.stamp, stampOf(absFile)) && entry.sources.every((s) => sameStamp(s.stamp, stampOf(s.path)));
}

function asResult(e: CacheEntry): IncidentResult {
  const summary: IncidentSummary | null = e.summary ? { ...e.summary, contentHtml: '' } : null;
  return { file: e.file, slug: e.slug, summary, pages: [], diagnostics: e.diagnostics, sources: [], key: e.key };
}

/** What a worker needs to set the site up again: plain data only. */
function setupData(options: BuildOptions, root: string): SetupOptions {
  const { config, out, drafts, public: isPublic, baseUrl, theme } = options;
  return { root, config, out, drafts, public: isPublic, baseUrl, theme };
}

function toEntry(root: string, r: IncidentResult): CacheEntry {
  const summary = r.summary ? { ...r.summary, contentHtml: '' } : null;
  return {
    summaryHash: hash(JSON.stringify(summary)),
    file: r.file,
    stamp: stampOf(path.join(root, r.file)) ?? { size: -1, mtimeMs: -1 },
    key: r.key,
    slug: r.slug,
    summary,
    diagnostics: r.diagnostics,
    pages: r.pages.map((p) => p.path),
    sources: r.sources.map((p) => ({ path: p, stamp: stampOf(p) ?? { size: -1, mtimeMs: -1 } })),
  };
}

