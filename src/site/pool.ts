/**
 * Spreads incidents over worker threads. Workers pull batches of files, process
 * them, write their pages straight into the staging folder and send back only the
 * small results (summary, diagnostics, page paths). Used for large builds of the
 * compiled package; the main thread does the work itself otherwise.
 */
import { Worker } from 'node:worker_threads';
import type { IncidentResult, SetupOptions } from './pipeline.js';

export interface PoolOptions {
  setup: SetupOptions;
  siteKey: string;
  staging: string;
  threads: number;
  onResult?: (result: IncidentResult) => void;
}

export interface WorkerRequest {
  files: string[];
}

export type WorkerReply = { results: IncidentResult[] } | { error: string };

export const WORKER_URL = new URL('./worker.js', import.meta.url);
const BATCH = 8;

/** Workers can only load compiled JavaScript: under a TypeScript loader (tests) run inline. */
export function workersAvailable(): boolean {
  return import.meta.url.endsWith('.js');
}

export function processInWorkers(files: readonly string[], opts: PoolOptions): Promise<IncidentResult[]> {
  const results: IncidentResult[] = [];
  let next = 0;
  const take = (): string[] => {
    const batch = files.slice(next, next + BATCH);
    next += batch.length;
    return batch;
  };
  const run = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(WORKER_URL, { workerData: { setup: opts.setup, siteKey: opts.siteKey, staging: opts.staging } });
      const feed = (): void => {
        const batch = take();
        if (batch.length) worker.postMessage({ files: batch } satisfies WorkerRequest);
        else void worker.terminate().then(() => resolve());
      };
      worker.on('message', (reply: WorkerReply) => {
        if ('error' in reply) {
          void worker.terminate();
          reject(new Error(reply.error));
          return;
        }
        for (const r of reply.results) {
          results.push(r);
          opts.onResult?.(r);
        }
        feed();
      });
      worker.once('error', reject);
      worker.once('online', feed);
    });
  const threads = Math.max(1, Math.min(opts.threads, Math.ceil(files.length / BATCH)));
  return Promise.all(Array.from({ length: threads }, run)).then(() => results);
}
