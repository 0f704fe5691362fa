/**
 * What `pm serve` prints after a full build: the content errors (the browser shows them
 * too), and — once `pm check` has run over the site in the background, while pages are
 * already served — every warning, so an author sees at start what CI would say. The check
 * runs in a worker process of its own (build/worker.ts) when pm runs compiled: it neither
 * holds up the server's event loop nor keeps its memory, and close() stops it.
 */
import { fork } from 'node:child_process';
import { checkSite, type CheckOptions } from '../check/site.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { WORKER_FILE, workersAvailable, type WorkerReply, type WorkerRequest } from '../build/pool.js';
import type { SetupOptions } from '../build/setup.js';

export function reportErrors(errors: readonly Diagnostic[], log: (line: string) => void): void {
  for (const d of errors) log(formatDiagnostic(d));
  if (errors.length) log(`${errors.length} content error(s): the browser shows them until the file is fixed`);
}

export interface BackgroundCheck {
  /** Resolves once the warnings are printed (or the check was stopped); never rejects. */
  done: Promise<void>;
  stop(): void;
}

/**
 * Runs the checks of `pm check` and prints its warnings. `store`: the check's own folder
 * (pm serve's beside it), where it keeps what it found: a warm start examines only what
 * changed since, in memory of the size of one incident's.
 */
export function reportWarnings(options: SetupOptions, store: string | null, log: (line: string) => void): BackgroundCheck {
  const run = checkElsewhere({ ...options, drafts: true, ...(store ? { store } : {}) });
  const done = run.diagnostics.then(
    (diagnostics) => {
      if (diagnostics === null) return;
      const warnings = diagnostics.filter((d) => d.level === 'warning');
      for (const d of warnings) log(formatDiagnostic(d));
      if (warnings.length) log(`${warnings.length} warning(s), as pm check reports them`);
    },
    (e: unknown) => log(`pm check could not run: ${e instanceof Error ? e.message : String(e)}`),
  );
  return { done, stop: () => run.stop() };
}

/** checkSite in a worker process (here, under a TypeScript loader); null when stopped. */
function checkElsewhere(options: CheckOptions): { diagnostics: Promise<Diagnostic[] | null>; stop(): void } {
  if (!workersAvailable()) return { diagnostics: checkSite(options).then((r) => r.diagnostics), stop: () => undefined };
  const child = fork(WORKER_FILE, [], {
    execArgv: [...process.execArgv, '--single-threaded-gc'],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let stopped = false;
  const diagnostics = new Promise<Diagnostic[] | null>((resolve, reject) => {
    child.on('message', (reply: WorkerReply) => {
      if ('checked' in reply) resolve(reply.checked);
      else if ('error' in reply) reject(new Error(reply.error));
      if (child.connected) child.disconnect();
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => (stopped ? resolve(null) : reject(new Error(`the check worker stopped (${signal ?? `exit code ${code}`})`))));
  });
  // the options as data (a caller's `log` and other functions stay here)
  const data = Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v !== 'function')) as CheckOptions;
  child.send({ check: data } satisfies WorkerRequest);
  return { diagnostics, stop: () => ((stopped = true), void child.kill()) };
}
