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
  CACHE_VERSION, type BuildCache, type CacheEntry,
} from './cache.js';
import { FEED_ENTRIES } from './feed-common.js';
import { commitJournal } from './journal.js';
import { checkSlugs, readAndProcess, renderSite, type IncidentResult, type SetupOptions, type SiteSetup } from './pipeline.js';
import { processInWorkers, workersAvailable } from './pool.js';
import { sortSummaries } from './render-indexes.js';
import type { IncidentSummary } from './types.js';
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
            await sink.put(r.pages);
            progress(r);
            return r;
          });

    await sink.flush();
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
    // Feeds carry the newest bodies: keep those in the cache, read back the ones not rendered now.
    for (const s of summaries.slice(0, FEED_ENTRIES)) {
      const key = entries[s.file]?.key ?? '';
      if (s.contentHtml) {
        if (useCache) saveContent(root, key, s.contentHtml);
      } else {
        s.contentHtml = loadContent(root, key) ?? (await readAndProcess(root, s.file, site, siteKey)).summary?.contentHtml ?? '';
      }
    }
    const sitePages = [...setup.assets, ...renderSite(summaries, site)];
    const siteHashes: Record<string, string> = {};
    for (const p of sitePages) siteHashes[p.path] = hash(p.contents);
    const incidentPages = Object.values(entries).flatMap((e) => e.pages);
    stats.files = incidentPages.length + sitePages.length;

    if (incremental) {
      const changed = sitePages.filter((p) => cache.site[p.path] !== siteHashes[p.path] || !existsSync(path.join(out, p.path)));
      await sink.put(changed);
      await sink.flush();
      const moves = [...results.flatMap((r) => r.pages.map((p) => p.path)), ...changed.map((p) => p.path)];
      const keep = new Set([...incidentPages, ...sitePages.map((p) => p.path)]);
      const before = [...Object.values(cache.entries).flatMap((e) => e.pages), ...Object.keys(cache.site)];
      commitJournal(out, { staging, moves, deletes: [...new Set(before.filter((p) => !keep.has(p)))] });
      stats.written = moves.length;
    } else {
      await sink.put(sitePages);
      await sink.flush();
      commitStaging(staging, out);
      stats.written = stats.files;
    }
    if (useCache) {
      const next: BuildCache = { version: CACHE_VERSION, out, siteKey, entries, site: siteHashes };
      saveCache(root, next);
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
  return {
    file: r.file,
    stamp: stampOf(path.join(root, r.file)) ?? { size: -1, mtimeMs: -1 },
    key: r.key,
    slug: r.slug,
    summary: r.summary ? { ...r.summary, contentHtml: '' } : null,
    diagnostics: r.diagnostics,
    pages: r.pages.map((p) => p.path),
    sources: r.sources.map((p) => ({ path: p, stamp: stampOf(p) ?? { size: -1, mtimeMs: -1 } })),
  };
}

