/**
 * A served site after the engine's run, updated one file at a time. Holds one row
 * (build/store) and one summary per incident; pages live in the folder writer's folder.
 * After an edit, the changed files alone are examined (examineIncident, as in every
 * build) and the site-wide pages are rendered again only when plan.ts's digest changed.
 */
import { splitSite } from '../write/copy-plan.js';
import { renderSitePages, saveState, type EngineState } from '../build/engine-site.js';
import { changedPages, entryOf, siteDigest } from '../build/plan.js';
import { pageOrder, summariesInOrder } from '../build/summaries.js';
import { renderHome } from '../render/indexes.js';
import type { FolderWriter } from '../build/folder-writer.js';
import type { CacheEntry } from '../build/store/cache.js';
import type { SiteSetup } from '../build/setup.js';
import type { IncidentSummary } from '../render/types.js';

export interface Update {
  /** Output paths whose bytes changed (added and removed ones included). */
  changed: string[];
  /** True when the site-wide pages must be rendered again (see renderSite). */
  siteStale: boolean;
}

export class LiveSite {
  readonly entries: Map<string, CacheEntry>;
  private site: Record<string, string>;
  private digest: string;
  private readonly incidentPages = new Set<string>();
  /** Summaries by file; null until first needed when the run took them from the store. */
  private summaries: Map<string, IncidentSummary> | null;
  /** Summaries examined while `summaries` was still in the store. */
  private readonly fresh = new Map<string, IncidentSummary | null>();

  constructor(
    private readonly setup: SiteSetup,
    private readonly state: EngineState,
    private readonly writer: FolderWriter,
  ) {
    this.entries = new Map(Object.entries(state.entries));
    this.site = state.site;
    this.digest = state.digest;
    this.summaries = state.summaries ? new Map(state.summaries.map((s) => [s.file, s])) : null;
    for (const e of this.entries.values()) for (const p of e.pages) this.incidentPages.add(p);
  }

  read(p: string): Buffer | null {
    return this.incidentPages.has(p) || p in this.site ? this.writer.read(p) : null;
  }

  /** One of pm's pages (an incident's or a site-wide one), not a copy. */
  isPage(p: string): boolean {
    if (this.incidentPages.has(p)) return true;
    const h = this.site[p];
    return h !== undefined && !h.startsWith('asset:');
  }

  isIncidentPage(p: string): boolean {
    return this.incidentPages.has(p);
  }

  paths(): string[] {
    return [...new Set([...this.incidentPages, ...Object.keys(splitSite(this.site).pages)])].sort();
  }

  /** Examines these files again (`exists: false`: deleted); writes the pages whose bytes changed. */
  async update(files: ReadonlyArray<{ file: string; exists: boolean }>): Promise<Update> {
    const { examineIncident } = await import('../build/examine.js');
    const { root, site } = this.setup;
    const changed = new Set<string>();
    for (const { file, exists } of files) {
      const before = this.entries.get(file);
      const r = exists ? (await examineIncident(root, file, site, this.state.siteKey)).result : null;
      const now = new Set(r?.pages.map((p) => p.path) ?? []);
      for (const p of before?.pages ?? []) {
        if (now.has(p)) continue;
        this.writer.remove([p]);
        this.incidentPages.delete(p);
        changed.add(p);
      }
      for (const page of r?.pages ?? []) {
        const old = this.writer.read(page.path);
        if (old && old.equals(Buffer.from(page.contents))) continue;
        this.writer.put([page]);
        this.incidentPages.add(page.path);
        changed.add(page.path);
      }
      if (r) this.entries.set(file, entryOf(root, r));
      else this.entries.delete(file);
      this.setSummary(file, r?.summary ?? null);
    }
    return { changed: [...changed].sort(), siteStale: this.digestNow() !== this.digest };
  }

  /**
   * The home list's pages ahead of the other site-wide pages, when the digest
   * changed: what a reader of `/` waits for after a title edit. Returns the paths written;
   * renderSite then finds them current and leaves them alone.
   */
  renderIndexes(): string[] {
    if (this.digestNow() === this.digest) return [];
    const sorted = summariesInOrder(pageOrder([...this.entries.values()]), Object.fromEntries(this.loadSummaries()), {});
    const { changed } = changedPages(renderHome(sorted, this.setup.site), splitSite(this.site).pages);
    this.writer.put(changed);
    const { hashes } = changedPages(changed, null);
    this.site = { ...this.site, ...hashes };
    return changed.map((p) => p.path);
  }

  /**
   * Loads and runs the per-incident stack once (markdown, timeline, templates) on one
   * incident, its result thrown away: the first edit then costs what the others do.
   */
  async warm(): Promise<void> {
    const { examineIncident } = await import('../build/examine.js');
    const file = this.setup.files[0];
    if (file) await examineIncident(this.setup.root, file, this.setup.site, this.state.siteKey);
  }

  /** The site-wide pages, when their digest changed; returns the paths that changed. */
  async renderSite(): Promise<string[]> {
    const split = splitSite(this.site);
    const rendered = Object.fromEntries(this.loadSummaries());
    const entries = Object.fromEntries(this.entries);
    const published = pageOrder([...this.entries.values()]);
    const before = { digest: this.digest, pages: split.pages };
    const step = await renderSitePages({ ...this.state, setup: this.setup, writer: this.writer, published, entries, rendered, summaries: null, before });
    this.writer.remove(step.paths.filter((p) => !(p in step.hashes)));
    this.site = { ...step.hashes, ...split.copies };
    this.digest = step.digest;
    return step.paths;
  }

  /** Records rows, site hashes and summaries in the store: the next start is a warm one. */
  save(): void {
    const summaries = [...this.loadSummaries().values()];
    const state: EngineState = { ...this.state, entries: Object.fromEntries(this.entries), site: this.site, digest: this.digest, summaries, cache: null };
    saveState(state, this.writer, { seeded: 0, templatesKey: null, renderer: this.setup.site.renderer, summariesChanged: true });
  }

  /** Reads the summaries from the store the first time they are needed (a warm start had no use for them). */
  loadSummaries(): Map<string, IncidentSummary> {
    if (!this.summaries) {
      const stored = this.state.store?.loadSummaries() ?? {};
      this.summaries = new Map(Object.entries(stored).filter(([file]) => this.entries.get(file)?.date != null));
      for (const [file, s] of this.fresh) this.setSummary(file, s);
      this.fresh.clear();
    }
    return this.summaries;
  }

  private setSummary(file: string, s: IncidentSummary | null): void {
    const into = this.summaries;
    if (!into) this.fresh.set(file, s);
    else if (s) into.set(file, s);
    else into.delete(file);
  }

  private digestNow(): string {
    const { assets, config } = this.setup;
    return siteDigest({ published: pageOrder([...this.entries.values()]), assets: assets.map((a) => a.path), today: config.today, search: this.writer.search });
  }
}
