/**
 * serveSite: build with the engine (serve/state.ts), serve on loopback, then watch and
 * rebuild what an edit affects, telling open pages to reload (serve/rebuilds.ts). Pages are
 * read from pm serve's folder when asked for; `pm check`'s warnings come from a worker
 * process (start-report.ts) while pages are already served.
 */
import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import type { SetupOptions } from '../build/setup.js';
import { createHandler, type PageSource } from './http.js';
import { hostChecker } from './host.js';
import { listen } from './listen.js';
import { EventHub } from './sse.js';
import { ServeState } from './state.js';
import { Rebuilds, type ServeEvents } from './rebuilds.js';
import { reportErrors, reportWarnings } from './start-report.js';

/** Idle time after start before the per-incident stack is loaded (the first requests come first). */
const WARM_AFTER_MS = 400;

export interface ServeOptions extends SetupOptions {
  /** Default 4000; 0 picks any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A port in use is an error instead of a move to the next one. */
  strictPort?: boolean;
  /** Quiet time before a batch of file changes is rebuilt (default 30 ms). */
  debounceMs?: number;
  /** Delay before site-wide pages are re-rendered after an incident edit, so its own page is asked for first (default 20 ms). */
  siteDelayMs?: number;
  /** Watch the files (default true). */
  watch?: boolean;
  /** Terminal lines: progress, rebuilds, diagnostics. */
  log?: (line: string) => void;
  /** Worker processes for the first build (default: one per core, up to two). */
  threads?: number;
  /** Quiet time after a rebuild before pm serve's store is saved (default 2000 ms). */
  saveDelayMs?: number;
}

export type { RebuildEvent } from './rebuilds.js';

export interface ServeHandle {
  url: string;
  port: number;
  host: string;
  state: ServeState;
  /** `rebuild` (RebuildEvent) after each rebuild; `failure` (Error) when one threw. */
  events: ServeEvents;
  /** Resolves once `pm check`'s warnings are printed (after the first build). */
  checked: Promise<void>;
  /** Resolves once the per-incident stack is loaded for the first edit (a moment after start). */
  warmed: Promise<void>;
  /** Resolves when no change is waiting or being rebuilt. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function serveSite(options: ServeOptions = {}): Promise<ServeHandle> {
  const log = options.log ?? ((): void => undefined);
  const events: ServeEvents = new EventEmitter();
  // served from / here: base_url's path (the 404 page's links) is the published site's, not ours
  const state = new ServeState({ ...options, baseUrl: options.baseUrl ?? '' });
  const host = options.host ?? '127.0.0.1';
  let port = 0;
  // Listen first: a busy port with strictPort fails before any build work.
  let initial: Promise<void> = Promise.resolve();
  const hub = new EventHub();
  const rebuilds = new Rebuilds(state, hub, events, options, log);
  const source: PageSource = {
    page: (p) => state.page(p),
    get errors() {
      return rebuilds.failure ? [rebuilds.failure, ...state.errors] : state.errors;
    },
    ready: async (p) => {
      await initial;
      await rebuilds.siteRender.ready(p);
    },
  };
  const server = createServer(
    createHandler(
      source,
      hub,
      hostChecker(host, () => port),
    ),
  );
  port = await listen(server, { port: options.port ?? 4000, host, strict: options.strictPort ?? false, log });
  const started = performance.now();
  initial = state.full((done, total) => {
    if (total >= 500 && done % 500 === 0) log(`built ${done}/${total} incidents`);
  });
  try {
    await initial;
  } catch (e) {
    hub.close();
    state.dispose();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw e;
  }
  log(`built ${state.results.size} incidents in ${ms(started)} ms`);
  // After the first requests: an edit then finds the summaries in memory and the markdown stack loaded.
  const warmed = new Promise<void>((resolve) =>
    setTimeout(() => {
      state.preload();
      setTimeout(() => void state.warm().then(resolve), WARM_AFTER_MS);
    }, 50),
  );
  reportErrors(state.errors, log);
  const check = reportWarnings(options, state.checkStore(), log);
  const checked = check.done;

  rebuilds.watch();
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    host,
    state,
    events,
    checked,
    warmed,
    idle: () => rebuilds.idle(),
    close: async () => {
      check.stop();
      await checked;
      await rebuilds.stop();
      state.dispose(); // saves what is not saved yet
      hub.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function ms(since: number): number {
  return Math.round(performance.now() - since);
}
