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
import type { Diagnostic } from '../diagnostics.js';
import { incidentTimeLimitMs, timeLimitMessage } from '../load/guard.js';
import type { IncidentResult, SetupOptions } from './setup.js';
import type { RuleId } from '../diagnostics.js';

export interface PoolOptions {
  setup: SetupOptions;
  siteKey: string;
  staging: string;
  threads: number;
  /** The theme's templates, precompiled once for every worker (theme/engine.ts). */
  specs: Record<string, string>;
  /** Milliseconds one incident may take before its worker is stopped (default: PM_INCIDENT_TIMEOUT or 30 s). */
  timeLimitMs?: number;
  onResult?: (result: IncidentResult) => void;
}

export type WorkerRequest =
  | { init: { setup: SetupOptions; siteKey: string; staging: string; specs: Record<string, string> } }
  | { files: string[] }
  | { check: SetupOptions & { store?: string } };

/** One reply per incident processed, so the parent always knows which file a worker is on; `checked` answers `check`. */
export type WorkerReply = { ready: true } | { result: IncidentResult } | { error: string } | { checked: Diagnostic[] };

export const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));
const BATCH = 8;

/** Workers can only load compiled JavaScript: under a TypeScript loader (tests) run inline. */
export function workersAvailable(): boolean {
  return import.meta.url.endsWith('.js');
}

/**
 * The watchdog: a worker that sends nothing for the time limit is stuck on the file it was
 * given next. It is killed, that file becomes an error, and the rest of its batch goes to a
 * new worker — as when a worker dies on a file (out of memory). A worker that reports an
 * error of its own (not about one incident) still fails the build.
 */
export function processInWorkers(files: readonly string[], opts: PoolOptions): Promise<IncidentResult[]> {
  const results: IncidentResult[] = [];
  const queue = [...files];
  const children = new Set<ChildProcess>();
  const limit = opts.timeLimitMs ?? incidentTimeLimitMs();
  let failed = false;
  const push = (r: IncidentResult): void => {
    results.push(r);
    opts.onResult?.(r);
  };
  const run = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const child = fork(WORKER_FILE, [], {
        execArgv: [...process.execArgv, '--single-threaded-gc'],
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      children.add(child);
      let batch: string[] = [];
      let got = 0;
      let replaced = false;
      // The clock starts once the worker has loaded and set up: a slow start is no file's fault.
      let ready = false;
      let timer: NodeJS.Timeout | undefined;
      const fail = (e: Error): void => {
        clearTimeout(timer);
        if (failed) return;
        failed = true;
        for (const c of children) c.kill();
        reject(e);
      };
      /** Gives up the file in hand, hands the rest of the batch to a new worker. */
      const replace = (rule: RuleId, message: string): void => {
        clearTimeout(timer);
        if (replaced || failed) return;
        replaced = true;
        const file = batch[got];
        queue.unshift(...batch.slice(got + 1));
        batch = [];
        child.kill('SIGKILL');
        if (file !== undefined) push(givenUp(file, rule, message));
        run().then(resolve, reject);
      };
      const arm = (): void => {
        clearTimeout(timer);
        if (!ready) return;
        timer = setTimeout(() => replace('limits/time', timeLimitMessage(limit)), limit);
      };
      const send = (request: WorkerRequest): void => void child.send(request);
      const feed = (): void => {
        batch = queue.splice(0, BATCH);
        got = 0;
        if (batch.length) {
          send({ files: batch });
          arm();
        } else {
          clearTimeout(timer);
          child.disconnect();
        }
      };
      child.on('message', (reply: WorkerReply) => {
        if (replaced) return;
        if ('error' in reply) return fail(new Error(reply.error));
        if ('ready' in reply) {
          ready = true;
          if (batch.length > got) arm();
          return;
        }
        if (!('result' in reply)) return;
        push(reply.result);
        if (++got === batch.length) feed();
        else arm();
      });
      child.once('error', fail);
      child.once('exit', (code, signal) => {
        children.delete(child);
        if (replaced || failed) return;
        if (batch.length > got)
          return replace(
            'incident/failed',
            `the build worker stopped (${signal ?? `exit code ${code}`}) while processing this incident: it is likely too large or too deeply nested; simplify it`,
          );
        clearTimeout(timer);
        if (code === 0) resolve();
        else fail(new Error(`a build worker stopped (${signal ?? `exit code ${code}`})`));
      });
      send({ init: { setup: opts.setup, siteKey: opts.siteKey, staging: opts.staging, specs: opts.specs } });
      feed();
    });
  const threads = Math.max(1, Math.min(opts.threads, Math.ceil(files.length / BATCH)));
  return Promise.all(Array.from({ length: threads }, run)).then(() => results);
}

/** The result of an incident the pool gave up on: an error on the whole file, nothing published. */
function givenUp(file: string, rule: RuleId, message: string): IncidentResult {
  return {
    file,
    slug: '',
    summary: null,
    pages: [],
    sources: [],
    key: '',
    diagnostics: [{ level: 'error', file, line: 0, column: 0, rule, message }],
  };
}
