/**
 * The time guard of the in-process paths (`pm check`, `pm serve`, builds too small for the
 * worker pool, whose own watchdog is in pool.ts). Parsing runs synchronously and cannot
 * be interrupted in the thread that runs it, so a post large enough to be slow is first
 * parsed in a worker thread that is terminated at the time limit; only a post that
 * parsed in time is then processed here.
 *
 * Why by size: micromark is quadratic on several inputs and the worst we measured are
 * long runs of emphasis markers (`*a ` × N … ` a*` × N) and lazy continuation lines after
 * one `>`. Below {@link PROBE_MIN_CHARS} the worst of them parsed in about half a second
 * (2 shared cores), so small posts — most posts — skip the probe; above it the cost grows
 * with the square of the size (32 KB: 10 s; 128 KB: 100 s). The probe costs one parse of
 * the large posts only, in a thread started once per process.
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { ProbeRequest } from './probe-worker.js';

/** Posts shorter than this are parsed without a probe. */
export const PROBE_MIN_CHARS = 8 * 1024;

const PROBE_FILE = fileURLToPath(new URL('./probe-worker.js', import.meta.url));

/** The probe thread and the probes waiting on it (each thread settles only its own). */
interface Probe {
  worker: Worker;
  pending: Map<number, () => void>;
  /** Settles when the thread has loaded the parser (or died). */
  ready: Promise<void>;
}
let probe: Probe | null = null;
let seq = 0;

/** Workers can only load compiled JavaScript: under a TypeScript loader (tests) the probe is skipped. */
export function probeAvailable(): boolean {
  return import.meta.url.endsWith('.js');
}

/**
 * True when `text` parses as markdown within `limitMs` (or is too short to need the
 * probe); false when the parse was stopped at the limit.
 */
export async function parsesInTime(text: string, limitMs: number): Promise<boolean> {
  if (text.length < PROBE_MIN_CHARS || !probeAvailable()) return true;
  const p = (probe ??= start());
  // The clock starts once the thread has loaded the parser (waiting at most the limit for that).
  let waited: NodeJS.Timeout | undefined;
  await Promise.race([p.ready, new Promise<void>((r) => (waited = setTimeout(r, limitMs)))]);
  clearTimeout(waited);
  const id = ++seq;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      p.pending.delete(id);
      stop(p);
      resolve(false);
    }, limitMs);
    p.pending.set(id, () => {
      clearTimeout(timer);
      resolve(true);
    });
    p.worker.postMessage({ id, text } satisfies ProbeRequest);
  });
}

function start(): Probe {
  let loaded = (): void => {};
  const p: Probe = { worker: new Worker(PROBE_FILE), pending: new Map(), ready: new Promise((r) => (loaded = r)) };
  p.worker.on('message', (id: number | 'ready') => {
    if (id === 'ready') return loaded();
    const done = p.pending.get(id);
    p.pending.delete(id);
    done?.();
  });
  // A thread that died (out of memory) is replaced; its callers process in-process and see why.
  const died = (): void => {
    loaded();
    stop(p);
  };
  p.worker.on('error', died);
  p.worker.on('exit', died);
  // An idle probe thread does not keep the process alive (a pending probe's timer does).
  // Last: attaching a message listener refs the worker again.
  p.worker.unref();
  return p;
}

/** Ends a probe thread; probes still waiting on it (none when callers take turns) go unprobed. */
function stop(p: Probe): void {
  if (probe === p) probe = null;
  const waiting = [...p.pending.values()];
  p.pending.clear();
  void p.worker.terminate();
  for (const done of waiting) done();
}
