/**
 * The site `pm serve` serves, kept current with the build's own engine (build/engine.ts):
 *
 * - start: the engine with the worker pool and pm serve's own store and folder
 *   (`.pm-cache/serve/`, see serve-folder.ts): a warm start examines nothing and renders nothing;
 * - pages are files in that folder, read when asked for: memory holds one row and one
 *   summary per incident, never the pages;
 * - an edit examines the changed files only (the watcher names them) and renders the
 *   site-wide pages only when plan.ts's digest says they changed, as `pm build` would.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { discoverIncidents, toPosix } from '../load/discover.js';
import { readCopy, siteCopies, type Copy } from '../load/copies.js';
import { checkSlugs, setupSite, type SetupOptions, type SiteSetup } from '../build/setup.js';
import { runEngine } from '../build/engine.js';
import { FolderWriter } from '../build/folder-writer.js';
import { serveFolder } from './serve-folder.js';
import { LiveSite, type Update } from './live-site.js';
import type { CacheEntry } from '../build/store/cache.js';
import type { Page } from '../render/types.js';

export type { Update } from './live-site.js';

const MARKDOWN = /\.(md|markdown)$/i;

export class ServeState {
  setup!: SiteSetup;
  private live!: LiveSite;
  private copies = new Map<string, Copy>();
  private staticCopies: Copy[] = [];
  /** Each bundle's copies by incident file. */
  private readonly bundleCopies = new Map<string, Copy[]>();
  private folder: ReturnType<typeof serveFolder> | null = null;
  private saveTimer: NodeJS.Timeout | null = null;
  /** The error-level diagnostics, sorted (what the overlay shows). */
  errors: Diagnostic[] = [];

  constructor(private readonly options: SetupOptions & { threads?: number }) {}

  get root(): string {
    return this.setup.root;
  }

  /** The folder of the background check's own store (beside pm serve's), or null without a store. */
  checkStore(): string | null {
    const store = this.folder?.store;
    return store ? path.join(store.dir, 'check') : null;
  }

  /** Every incident's row by file (its pages, sources and diagnostics). */
  get results(): ReadonlyMap<string, CacheEntry> {
    return this.live.entries;
  }

  /** Everything again: config, theme, discovery, then the engine over the whole site. */
  async full(onProgress?: (done: number, total: number) => void): Promise<void> {
    const setup = setupSite(this.options);
    this.folder ??= serveFolder(setup.root);
    const writer = new FolderWriter(this.folder.out);
    const store = this.folder.store;
    const run = await runEngine(setup, {
      ...this.options,
      store,
      writer: () => writer,
      ...(onProgress ? { onProgress: (d: number, t: number) => onProgress(d, t) } : {}),
    });
    this.setup = setup;
    this.live = new LiveSite(setup, run.state!, writer);
    this.listCopies();
    this.collectDiagnostics();
  }

  /** Output page by path (`incidents/x/index.html`): copies from the site, pm's pages from the folder. */
  page(p: string): Page | undefined {
    const copy = this.copies.get(p);
    if (copy) {
      try {
        return { path: p, contents: readCopy(copy) };
      } catch {
        return undefined; // gone since the listing
      }
    }
    const contents = this.live.read(p);
    return contents === null ? undefined : { path: p, contents };
  }

  /**
   * Lists the copies, read from the site when asked for: static/ and every bundle's files after
   * a full build; after an edit only the edited incidents' bundles (an edit at 10,000 incidents
   * must not walk every bundle folder). static/ is not watched: a full rebuild lists it again.
   */
  private listCopies(files?: readonly string[]): void {
    const { root, postsDir, urls } = this.setup.config;
    const site = { root, postsDir, urls };
    if (!files) {
      this.staticCopies = siteCopies(site, []).copies;
      this.bundleCopies.clear();
    }
    for (const file of files ?? this.live.entries.keys()) {
      const e = this.live.entries.get(file);
      const copies = e ? siteCopies(site, [{ file, slug: e.slug, published: e.date !== null, sources: e.sources.map((s) => s.path) }], false).copies : [];
      if (copies.length) this.bundleCopies.set(file, copies);
      else this.bundleCopies.delete(file);
    }
    const all = [...this.staticCopies, ...[...this.bundleCopies.values()].flat()];
    this.copies = new Map(all.filter((c) => !this.live.isPage(c.path)).map((c) => [c.path, c]));
  }

  isIncidentPage(p: string): boolean {
    return this.live.isIncidentPage(p);
  }

  hasErrors(): boolean {
    return this.errors.length > 0;
  }

  /**
   * The incident files a batch of changed paths touches: incidents edited, incidents that read
   * an edited log, and — for a path that is neither — those that appeared or disappeared.
   */
  touchedBy(batch: readonly string[]): Set<string> {
    const files = new Set<string>();
    let rediscover = false;
    for (const abs of batch) {
      const rel = toPosix(path.relative(this.root, abs));
      const known = this.live.entries.has(rel);
      if (known) files.add(rel);
      const readers = known ? [] : this.readersOf(abs);
      for (const f of readers) files.add(f);
      if (!known && !readers.length && (MARKDOWN.test(abs) || path.dirname(abs) === this.setup.config.postsDir)) rediscover = true;
    }
    if (rediscover) for (const f of this.rediscover()) files.add(f);
    return files;
  }

  /** Files of incidents that read `absPath` as a log source. */
  readersOf(absPath: string): string[] {
    return [...this.live.entries.values()].filter((e) => e.sources.some((s) => s.path === absPath)).map((e) => e.file);
  }

  /** Looks at the posts folder again; returns incident files that appeared or disappeared. */
  rediscover(): string[] {
    const now = new Set(discoverIncidents(this.root, this.setup.config.postsDir));
    const gone = [...this.live.entries.keys()].filter((f) => !now.has(f));
    const added = [...now].filter((f) => !this.live.entries.has(f));
    this.setup.files = [...now].sort();
    return [...gone, ...added];
  }

  /** Examines incident files again (changed, added or deleted) and says which pages changed. */
  async update(files: readonly string[]): Promise<Update> {
    const present = [...new Set(files)].sort().map((f) => ({ file: f, exists: existsSync(path.join(this.root, f)) }));
    const known = present.every((p) => p.exists && this.setup.files.includes(p.file));
    const update = await this.live.update(present);
    if (!known) this.setup.files = [...this.live.entries.keys()].sort();
    this.listCopies(present.map((p) => p.file));
    this.collectDiagnostics();
    return update;
  }

  /** The index pages alone, ahead of the other site-wide pages (live-site.ts); returns the paths written. */
  renderIndexes(): string[] {
    return this.live.renderIndexes();
  }

  /** Renders indexes, tag pages, feeds and data files from the kept summaries; returns changed paths. */
  async renderSitePages(): Promise<string[]> {
    const changed = await this.live.renderSite();
    this.collectDiagnostics();
    return changed;
  }

  /** Every output path of pm's own, sorted (for listings and tests). */
  paths(): string[] {
    return this.live.paths();
  }

  /** Reads what a warm start left in the store (the summaries) now, not at the first edit. */
  preload(): void {
    try {
      this.live?.loadSummaries();
    } catch {
      // a damaged store: read again (and reported) when the site pages are rendered
    }
  }

  /** Readies the per-incident stack for the first edit (live-site.ts warm); never throws. */
  async warm(): Promise<void> {
    try {
      await this.live?.warm();
    } catch {
      // the edit will say what is wrong with the file
    }
  }

  /** Records the current state in pm serve's store, so the next start is a warm one. */
  save(): void {
    try {
      this.live?.save();
    } catch {
      // an unwritable store: the next start renders again
    }
  }

  /** Saves once edits have settled for `delayMs` (the store is written whole: not after every keystroke). */
  saveSoon(delayMs: number, busy: () => boolean): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      if (busy()) this.saveSoon(delayMs, busy);
      else this.save();
    }, delayMs);
  }

  /** Saves what is waiting to be saved, then removes what only this server needed (a temporary folder). */
  dispose(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
      this.save();
    }
    this.folder?.dispose();
  }

  /** Keeps the error list current; filtering before sorting keeps an edit cheap on large sites. */
  private collectDiagnostics(): void {
    const entries = [...this.live.entries.values()];
    const slugs = checkSlugs(entries.map((e) => ({ file: e.file, slug: e.slug, summary: e.date === null ? null : e.file })));
    const errors = [...this.setup.diagnostics, ...slugs].filter((d) => d.level === 'error');
    for (const e of entries) for (const d of e.diagnostics) if (d.level === 'error') errors.push(d);
    this.errors = sortDiagnostics(errors);
  }
}
