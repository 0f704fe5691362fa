/**
 * Examines many incidents: in worker processes (pool.ts) when there are many and the
 * writer has a folder for them to write into, else one after the other here. Either way
 * each goes through examineIncident (examine.ts), the single per-incident path.
 */
import os from 'node:os';
import { keepNewestBodies } from '../outputs/feed-newest.js';
import { processInWorkers, workersAvailable } from './pool.js';
import type { Examined } from './examine.js';
import type { IncidentResult, SetupOptions, SiteSetup } from './setup.js';
import type { Writer } from './writers.js';

/** Below this many incidents to render, worker processes cost more than they save. */
export const WORKER_THRESHOLD = 48;

export interface ExamineMany {
  setup: SiteSetup;
  /** What the workers set the site up from (the caller's options). */
  options: SetupOptions;
  siteKey: string;
  writer: Writer;
  /** Worker processes (default: up to two, one per core). */
  threads?: number;
  /** Incidents already accounted for (reused from the cache), for progress. */
  done: number;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Sees each incident's parsed form (`pm check`'s rules): examined here, never in workers. */
  onExamined?: (examined: Examined) => void;
}

export async function examineMany(todo: readonly string[], ctx: ExamineMany): Promise<IncidentResult[]> {
  const { root, site, files } = ctx.setup;
  let done = ctx.done;
  const progress = (r: IncidentResult): void => ctx.onProgress?.(++done, files.length, r.file);
  const threads = ctx.threads ?? Math.min(2, os.availableParallelism());
  const dir = ctx.writer.dir;
  if (dir && !ctx.onExamined && threads > 1 && todo.length >= WORKER_THRESHOLD && workersAvailable()) {
    const { config, out, drafts, public: isPublic, baseUrl, theme } = ctx.options;
    const setupData = { root, config, out, drafts, public: isPublic, baseUrl, theme };
    const keep = keepNewestBodies(); // the feeds' bodies, sent by the workers
    site.renderer.precompileAll(); // once here (the build saves them), not in every worker
    const specs = site.renderer.specs;
    return processInWorkers(todo, { setup: setupData, siteKey: ctx.siteKey, staging: dir, threads, specs, onResult: (r) => (keep(r.summary), progress(r)) });
  }
  if (todo.length === 0) return [];
  const { examineIncident } = await import('./examine.js');
  const results: IncidentResult[] = [];
  for (const file of todo) {
    const examined = await examineIncident(root, file, site, ctx.siteKey);
    ctx.onExamined?.(examined);
    const r = examined.result;
    ctx.writer.put(r.pages);
    progress(r);
    // the writer has the pages: only their paths stay here (memory stays flat as sites grow)
    results.push({ ...r, pages: r.pages.map((p) => ({ path: p.path, contents: '' })) });
  }
  return results;
}
