/**
 * What a running `pm serve` does when files change: watch the posts, the site's own theme and
 * the config; rebuild what a batch of changes touches (serve/state.ts); tell open pages to
 * reload the pages whose bytes changed; report each rebuild on the terminal and as an event.
 *
 *   edit posts/x.md        → reprocess x.md → reload pages whose bytes changed
 *                            → site pages (indexes first, then feeds…) only if a summary
 *                              changed, a moment later so the edited page is served first
 *   edit a log source      → reprocess the incidents that read it
 *   add/remove an incident → rediscover, then as above
 *   edit theme or config   → the engine again (a new site key: a full run), reload everything
 *
 * A rebuild that throws (a theme template that does not compile…) is shown over every page
 * until one succeeds.
 */
import type { EventEmitter } from 'node:events';
import path from 'node:path';
import { CONFIG_FILES } from '../config/resolve.js';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { toPosix } from '../load/discover.js';
import { SiteRender } from './site-render.js';
import { reportErrors } from './start-report.js';
import type { EventHub } from './sse.js';
import type { ServeState } from './state.js';
import { watchTargets, type Watcher } from './watch.js';

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

export type ServeEvents = EventEmitter<{ rebuild: [RebuildEvent]; failure: [Error] }>;

export interface RebuildOptions {
  watch?: boolean;
  debounceMs?: number;
  siteDelayMs?: number;
  saveDelayMs?: number;
}

export class Rebuilds {
  /** The last rebuild's exception as a diagnostic, until a rebuild succeeds. */
  failure: Diagnostic | null = null;
  readonly siteRender: SiteRender;
  private readonly waiting = new Set<string>();
  private running: Promise<void> | null = null;
  private watcher: Watcher | null = null;
  private started = performance.now();

  constructor(
    private readonly state: ServeState,
    private readonly hub: EventHub,
    private readonly events: ServeEvents,
    private readonly options: RebuildOptions,
    private readonly log: (line: string) => void,
  ) {
    this.siteRender = new SiteRender(state, (first, rest) => {
      if (rest.length) hub.reload({ all: false, paths: rest });
      this.finish('site', [], [...new Set([...first, ...rest])].sort(), false);
    });
  }

  /** Watches the site's files (again: a full rebuild may name other theme folders). */
  watch(): void {
    this.watcher?.close();
    if (this.options.watch === false) return;
    const { config } = this.state.setup;
    const root = this.state.root;
    this.watcher = watchTargets(
      [
        { dir: config.postsDir, recursive: true },
        // the site's own themes; pm's packaged default theme does not change under a running server
        ...config.themeDirs.filter((dir) => dir.startsWith(root + path.sep)).map((dir) => ({ dir, recursive: true })),
        { dir: root, recursive: false, accept: (p: string) => CONFIG_FILES.includes(path.basename(p)) },
      ],
      (batch) => {
        for (const p of batch) this.waiting.add(p);
        this.running ??= this.drain();
      },
      this.options.debounceMs ?? 30,
    );
  }

  /** Resolves when no change is waiting or being rebuilt. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops watching and lets the running rebuild finish. */
  async stop(): Promise<void> {
    this.watcher?.close();
    this.waiting.clear();
    await this.running;
  }

  private async drain(): Promise<void> {
    while (this.waiting.size) {
      const batch = [...this.waiting].sort();
      this.waiting.clear();
      try {
        await this.rebuild(batch);
        if (this.failure) {
          this.failure = null;
          this.hub.reload({ all: true, paths: [] });
        }
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        const root = this.state.root;
        const file = toPosix(path.relative(root, batch.find((p) => path.extname(p)) ?? batch[0] ?? root)) || '.';
        this.failure = { level: 'error', file, line: 0, column: 0, rule: 'serve/rebuild', message: `rebuild failed: ${err.message}` };
        this.log(formatDiagnostic(this.failure));
        this.hub.reload({ all: true, paths: [] });
        this.events.emit('failure', err);
      }
    }
    this.running = null;
  }

  private async rebuild(batch: string[]): Promise<void> {
    const { state, hub } = this;
    this.started = performance.now();
    const { config } = state.setup;
    const errorsBefore = errorKey(state.errors);
    const isConfig = (p: string): boolean => path.dirname(p) === state.root && CONFIG_FILES.includes(path.basename(p));
    const inTheme = (p: string): boolean => config.themeDirs.some((d) => p === d || p.startsWith(d + path.sep));
    if (batch.some((p) => isConfig(p) || inTheme(p))) {
      await state.full();
      hub.reload({ all: true, paths: [] });
      this.finish('full', [], state.paths(), true);
      this.watch();
      return;
    }
    const files = [...state.touchedBy(batch)].sort();
    if (!files.length) return;
    const update = await state.update(files);
    const all = errorKey(state.errors) !== errorsBefore;
    if (update.changed.length || all) hub.reload({ all, paths: update.changed });
    this.finish('incident', files, update.changed, all);
    for (const f of files) {
      const own = [...(state.results.get(f)?.diagnostics ?? []), ...state.errors.filter((d) => d.file === f && d.rule === 'site/duplicate-slug')];
      for (const d of sortDiagnostics(own)) if (d.level !== 'info') this.log(formatDiagnostic(d));
    }
    if (all && !state.errors.length) this.log('no content errors left');
    if (update.siteStale) {
      await this.siteRender.later(
        this.options.siteDelayMs ?? 20,
        (at) => (this.started = at),
        (paths) => hub.reload({ all: false, paths }),
      );
    }
  }

  private finish(kind: RebuildEvent['kind'], files: string[], paths: string[], all: boolean): void {
    const { state } = this;
    const event: RebuildEvent = { kind, files, paths, all, errors: state.errors.length, ms: Math.round(performance.now() - this.started) };
    const what = kind === 'full' ? 'site' : kind === 'site' ? `${paths.length} site page(s)` : files.join(', ');
    this.log(`rebuilt ${what} in ${event.ms} ms${event.errors ? ` — ${event.errors} error(s)` : ''}`);
    if (kind === 'full') reportErrors(state.errors, this.log);
    this.events.emit('rebuild', event);
    state.saveSoon(this.options.saveDelayMs ?? 2000, () => this.running !== null);
  }
}

function errorKey(errors: readonly Diagnostic[]): string {
  return errors.map(formatDiagnostic).join('\n');
}
