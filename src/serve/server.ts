/**
 * serveSite: build with the engine (serve/state.ts), serve on loopback, watch, rebuild what an edit
 * affects, and tell open pages to reload.
 *
 *   edit posts/x.md        → reprocess x.md → reload pages whose bytes changed
 *                            → site pages (indexes, feeds…) only if a summary changed,
 *                              a moment later so the edited page is served first
 *   edit a log source      → reprocess the incidents that read it
 *   add/remove an incident → rediscover, then as above
 *   edit theme or config   → the engine again (a new site key: a full run), reload everything
 */
import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import path from 'node:path';
import { CONFIG_FILES } from '../config/resolve.js';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { toPosix } from '../load/discover.js';
import type { SetupOptions } from '../build/setup.js';
import { createHandler, type PageSource } from './http.js';
import { hostChecker } from './host.js';
import { listen } from './listen.js';
import { EventHub } from './sse.js';
import { ServeState } from './state.js';
import { SiteRender } from './site-render.js';
import { watchTargets, type Watcher } from './watch.js';
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
  /** Delay before site-wide pages are re-rendered after an incident edit (default 60 ms). */
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

export interface RebuildEvent {
  /** `full`: config/theme/start; `incident`: incident pages; `site`: indexes, tags, feeds, data. */
  kind: 'full' | 'incident' | 'site';
  /** Incident files reprocessed (relative to the root). */
  files: string[];
  /** Output paths whose bytes changed. */
  paths: string[];
  /** Every page was told to reload. */
  all: boolean;
  errors: number;
  ms: number;
}

export interface ServeHandle {
  url: string;
  port: number;
  host: string;
  state: ServeState;
  /** `rebuild` (RebuildEvent) after each rebuild; `failure` (Error) when one threw. */
  events: EventEmitter<{ rebuild: [RebuildEvent]; failure: [Error] }>;
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
  const events = new EventEmitter<{ rebuild: [RebuildEvent]; failure: [Error] }>();
  // served from / here: base_url's path (the 404 page's links) is the published site's, not ours
  const state = new ServeState({ ...options, baseUrl: options.baseUrl ?? '' });
  const host = options.host ?? '127.0.0.1';
  let port = 0;
  // Listen first: a busy port with strictPort fails before any build work.
  let initial: Promise<void> = Promise.resolve();
  const hub = new EventHub();
  const siteRender = new SiteRender(state, (first, rest) => {
    if (rest.length) hub.reload({ all: false, paths: rest });
    finish('site', [], [...new Set([...first, ...rest])].sort(), false);
  });
  /** A rebuild that threw (a theme template that does not compile…): shown until one succeeds. */
  let failure: Diagnostic | null = null;
  const source: PageSource = {
    page: (p) => state.page(p),
    get errors() {
      return failure ? [failure, ...state.errors] : state.errors;
    },
    ready: async (p) => {
      await initial;
      await siteRender.ready(p);
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
  let started = performance.now();
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

  const waiting = new Set<string>();
  let running: Promise<void> | null = null;
  let watcher: Watcher | null = null;
  const rewatch = (): void => {
    watcher?.close();
    if (options.watch === false) return;
    const { config } = state.setup;
    const root = state.root;
    watcher = watchTargets(
      [
        { dir: config.postsDir, recursive: true },
        // the site's own themes; pm's packaged default theme does not change under a running server
        ...config.themeDirs.filter((dir) => dir.startsWith(root + path.sep)).map((dir) => ({ dir, recursive: true })),
        { dir: root, recursive: false, accept: (p: string) => CONFIG_FILES.includes(path.basename(p)) },
      ],
      (batch) => {
        for (const p of batch) waiting.add(p);
        running ??= drain();
      },
      options.debounceMs ?? 30,
    );
  };

  const drain = async (): Promise<void> => {
    while (waiting.size) {
      const batch = [...waiting].sort();
      waiting.clear();
      try {
        await rebuild(batch);
        if (failure) {
          failure = null;
          hub.reload({ all: true, paths: [] });
        }
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        const file = toPosix(path.relative(state.root, batch.find((p) => path.extname(p)) ?? batch[0] ?? state.root)) || '.';
        failure = { level: 'error', file, line: 0, column: 0, rule: 'serve/rebuild', message: `rebuild failed: ${err.message}` };
        log(formatDiagnostic(failure));
        hub.reload({ all: true, paths: [] });
        events.emit('failure', err);
      }
    }
    running = null;
  };

  const rebuild = async (batch: string[]): Promise<void> => {
    started = performance.now();
    const { config } = state.setup;
    const errorsBefore = errorKey(state.errors);
    const isConfig = (p: string): boolean => path.dirname(p) === state.root && CONFIG_FILES.includes(path.basename(p));
    const inTheme = (p: string): boolean => config.themeDirs.some((d) => p === d || p.startsWith(d + path.sep));
    if (batch.some((p) => isConfig(p) || inTheme(p))) {
      await state.full();
      hub.reload({ all: true, paths: [] });
      finish('full', [], state.paths(), true);
      rewatch();
      return;
    }
    const files = state.touchedBy(batch);
    if (!files.size) return;
    const update = await state.update([...files]);
    const all = errorKey(state.errors) !== errorsBefore;
    if (update.changed.length || all) hub.reload({ all, paths: update.changed });
    finish('incident', [...files].sort(), update.changed, all);
    for (const f of [...files].sort()) {
      const own = [...(state.results.get(f)?.diagnostics ?? []), ...state.errors.filter((d) => d.file === f && d.rule === 'site/duplicate-slug')];
      for (const d of sortDiagnostics(own)) if (d.level !== 'info') log(formatDiagnostic(d));
    }
    if (all && !state.errors.length) log('no content errors left');
    if (update.siteStale) {
      await siteRender.later(
        options.siteDelayMs ?? 60,
        (at) => (started = at),
        (paths) => hub.reload({ all: false, paths }),
      );
    }
  };

  const finish = (kind: RebuildEvent['kind'], files: string[], paths: string[], all: boolean): void => {
    const event: RebuildEvent = { kind, files, paths, all, errors: state.errors.length, ms: ms(started) };
    const what = kind === 'full' ? 'site' : kind === 'site' ? `${paths.length} site page(s)` : files.join(', ');
    log(`rebuilt ${what} in ${event.ms} ms${event.errors ? ` — ${event.errors} error(s)` : ''}`);
    if (kind === 'full') reportErrors(state.errors, log);
    events.emit('rebuild', event);
    state.saveSoon(options.saveDelayMs ?? 2000, () => running !== null);
  };

  rewatch();
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    host,
    state,
    events,
    checked,
    warmed,
    idle: async () => {
      while (running) await running;
    },
    close: async () => {
      watcher?.close();
      waiting.clear();
      check.stop();
      await checked;
      await running;
      state.dispose(); // saves what is not saved yet
      hub.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function errorKey(errors: readonly Diagnostic[]): string {
  return errors.map(formatDiagnostic).join('\n');
}

function ms(since: number): number {
  return Math.round(performance.now() - since);
}
