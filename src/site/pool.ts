/**
 * Spreads incidents over worker processes. Workers pull batches of files, process
 * them, write their pages straight into the staging folder and send back only the
 * small results (summary, diagnostics, page paths). Used for large builds of the
 * compiled package; the main thread does the work itself otherwise.
 *
 * Processes rather than threads: parsing markdown allocates a few MB per post, and
 * V8's collector then wants helper threads. Threads of one process share those
 * helpers and fight over the cores; separate processes run with a single-threaded
 * collector each (`--single-threaded-gc`), which measured about a fifth less CPU
 * for the same work on two cores.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { IncidentResult, SetupOptions } from './pipeline.js';

export interface PoolOptions {
  setup: SetupOptions;
  siteKey: string;
  staging: string;
  threads: number;
  /** The theme's templates, precompiled once for every worker (theme/engine.ts). */
  specs: Record<string, string>;
  onResult?: (result: IncidentResult) => void;
}

export type WorkerRequest = { init: { setup: SetupOptions; siteKey: string; staging: string; specs: Record<string, string> } } | { files: string[] };

export type WorkerReply = { results: IncidentResult[] } | { error: string };

export const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));
const BATCH = 8;

/** Workers can only load compiled JavaScript: under a TypeScript loader (tests) run inline. */
export function workersAvailable(): boolean {
  return import.meta.url.endsWith('.js');
}

export function processInWorkers(files: readonly string[], opts: PoolOptions): Promise<IncidentResult[]> {
  const results: IncidentResult[] = [];
  const children = new Set<ChildProcess>();
  let next = 0;
  let failed = false;
  const take = (): string[] => {
    const batch = files.slice(next, next + BATCH);
    next += batch.length;
    return batch;
  };
  const run = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const child = fork(WORKER_FILE, [], {
        execArgv: [...process.execArgv, '--single-threaded-gc'],
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      children.add(child);
      const fail = (e: Error): void => {
        if (failed) return;
        failed = true;
        for (const c of children) c.kill();
        reject(e);
      };
      const send = (request: WorkerRequest): void => void child.send(request);
      const feed = (): void => {
        const batch = take();
        if (batch.length) send({ files: batch });
        else child.disconnect();
      };
      child.on('message', (reply: WorkerReply) => {
        if ('error' in reply) return fail(new Error(reply.error));
        for (const r of reply.results) {
          results.push(r);
          opts.onResult?.(r);
        }
        feed();
      });
      child.once('error', fail);
      child.once('exit', (code, signal) => {
        children.delete(child);
        if (code === 0) resolve();
        else fail(new Error(`a build worker stopped (${signal ?? `exit code ${code}`})`));
      });
      send({ init: { setup: opts.setup, siteKey: opts.siteKey, staging: opts.staging, specs: opts.specs } });
      feed();
    });
  const threads = Math.max(1, Math.min(opts.threads, Math.ceil(files.length / BATCH)));
  return Promise.all(Array.from({ length: threads }, run)).then(() => results);
}
