/**
 * The site `pm serve` holds in memory, kept current with the build's own pipeline:
 * a full build is setupSite → readAndProcess per file → renderSite; an edit to one
 * incident reprocesses that file only and re-renders the site-wide pages (indexes,
 * tags, feeds, data files) only when what they are made of changed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { siteKey as makeSiteKey } from '../build/store/cache.js';
import { discoverIncidents } from '../load/discover.js';
import { readCopy, siteCopies, type Copy } from '../load/copies.js';
import { FEED_ENTRIES } from '../outputs/feed-common.js';
import { checkSlugs, setupSite, type IncidentResult, type SetupOptions, type SiteSetup } from '../build/setup.js';
import { readAndProcess, renderSite } from '../build/examine.js';
import { sortSummaries } from '../render/indexes.js';
import type { IncidentSummary, Page } from '../render/types.js';
import { VERSION } from '../version.js';

export interface Update {
  /** Output paths whose bytes changed (added and removed ones included). */
  changed: string[];
  /** True when the site-wide pages must be rendered again (see renderSitePages). */
  siteStale: boolean;
}

export class ServeState {
  setup!: SiteSetup;
  private key = '';
  readonly results = new Map<string, IncidentResult>();
  /** Per-incident pages and site pages (assets included), by output path. */
  private readonly incidentPages = new Map<string, Page>();
  private sitePages = new Map<string, Page>();
  private copies = new Map<string, Copy>();
  /** The error-level diagnostics, sorted (what the overlay shows). */
  errors: Diagnostic[] = [];

  constructor(private readonly options: SetupOptions) {}

  get root(): string {
    return this.setup.root;
  }

  /** Everything again: config, theme, discovery, every incident, site pages. */
  async full(onProgress?: (done: number, total: number) => void): Promise<void> {
    const setup = setupSite(this.options);
    const key = makeSiteKey(VERSION, setup.config, setup.theme.hash);
    const results = new Map<string, IncidentResult>();
    for (const file of setup.files) {
      results.set(file, await readAndProcess(setup.root, file, setup.site, key));
      onProgress?.(results.size, setup.files.length);
    }
    this.setup = setup;
    this.key = key;
    this.results.clear();
    this.incidentPages.clear();
    for (const [file, r] of results) this.put(file, r);
    this.renderSitePages();
    this.listCopies();
  }

  /** Output page by path (`incidents/x/index.html`). */
  page(p: string): Page | undefined {
    return this.incidentPages.get(p) ?? this.sitePages.get(p) ?? this.copyPage(p);
  }

  /** A bundle asset or static/ file (load/copies.ts), read when asked for; never over a page. */
  private copyPage(p: string): Page | undefined {
    const copy = this.copies.get(p);
    try {
      return copy ? { path: p, contents: readCopy(copy) } : undefined;
    } catch {
      return undefined; // gone since the listing
    }
  }

  /** Lists the copies again (after a full build or an edit). */
  private listCopies(): void {
    const owners = [...this.results.values()].map((r) => ({ file: r.file, slug: r.slug, published: r.summary !== null, sources: r.sources }));
    const { root, postsDir, urls } = this.setup.config;
    this.copies = new Map(siteCopies({ root, postsDir, urls }, owners).copies.map((c) => [c.path, c]));
  }

  isIncidentPage(p: string): boolean {
    return this.incidentPages.has(p);
  }

  /** Every diagnostic of the site, sorted (computed on demand: 10,000 incidents have many). */
  get diagnostics(): Diagnostic[] {
    const all = [...this.results.values()];
    return sortDiagnostics([...this.setup.diagnostics, ...all.flatMap((r) => r.diagnostics), ...checkSlugs(all)]);
  }

  hasErrors(): boolean {
    return this.errors.length > 0;
  }

  /** Files of incidents that read `absPath` as a log source. */
  readersOf(absPath: string): string[] {
    return [...this.results.values()].filter((r) => r.sources.includes(absPath)).map((r) => r.file);
  }

  /** Looks at the posts folder again; returns incident files that appeared or disappeared. */
  rediscover(): string[] {
    const now = new Set(discoverIncidents(this.root, this.setup.config.postsDir));
    const gone = [...this.results.keys()].filter((f) => !now.has(f));
    const added = [...now].filter((f) => !this.results.has(f));
    this.setup.files = [...now];
    return [...gone, ...added];
  }

  /** Reprocesses incident files (changed, added or deleted) and says which pages changed. */
  async update(files: readonly string[]): Promise<Update> {
    const changed = new Set<string>();
    let siteStale = false;
    let membership = false;
    for (const file of [...new Set(files)].sort()) {
      const before = this.results.get(file);
      const exists = existsSync(path.join(this.root, file));
      const after = exists ? await readAndProcess(this.root, file, this.setup.site, this.key) : undefined;
      for (const p of before?.pages ?? []) {
        const next = after?.pages.find((q) => q.path === p.path);
        if (!next || next.contents !== p.contents) changed.add(p.path);
        this.incidentPages.delete(p.path);
      }
      if (after) {
        for (const p of after.pages) if (!before?.pages.some((q) => q.path === p.path)) changed.add(p.path);
        this.put(file, after);
      } else this.results.delete(file);
      if (!before !== !after) membership = true;
      if (this.touchesSite(before?.summary ?? null, after?.summary ?? null)) siteStale = true;
    }
    if (membership) this.setup.files = [...this.results.keys()].sort();
    this.listCopies();
    this.collectDiagnostics();
    return { changed: [...changed].sort(), siteStale };
  }

  /** Renders indexes, tag pages, feeds and data files from the kept summaries; returns changed paths. */
  renderSitePages(): string[] {
    const sorted = this.sorted();
    const next = new Map<string, Page>();
    for (const p of [...this.setup.assets, ...renderSite(sorted, this.setup.site)]) next.set(p.path, p);
    const changed: string[] = [];
    for (const [p, page] of next) if (this.sitePages.get(p)?.contents !== page.contents) changed.push(p);
    for (const p of this.sitePages.keys()) if (!next.has(p)) changed.push(p);
    this.sitePages = next;
    this.collectDiagnostics();
    return changed.sort();
  }

  /** Every output path, sorted (for listings and tests). */
  paths(): string[] {
    return [...new Set([...this.incidentPages.keys(), ...this.sitePages.keys()])].sort();
  }

  private put(file: string, r: IncidentResult): void {
    this.results.set(file, r);
    for (const p of r.pages) this.incidentPages.set(p.path, p);
  }

  private sorted(): IncidentSummary[] {
    return sortSummaries([...this.results.values()].flatMap((r) => (r.summary ? [r.summary] : [])));
  }

  /** Keeps the error list current; filtering before sorting keeps an edit cheap on large sites. */
  private collectDiagnostics(): void {
    const errors = [...this.setup.diagnostics, ...checkSlugs([...this.results.values()])].filter((d) => d.level === 'error');
    for (const r of this.results.values()) for (const d of r.diagnostics) if (d.level === 'error') errors.push(d);
    this.errors = sortDiagnostics(errors);
  }

  /**
   * Site outputs see summaries only (outputs/registry.ts): they change when a summary appears,
   * disappears or changes — its post body only matters to the feeds' newest entries.
   */
  private touchesSite(before: IncidentSummary | null, after: IncidentSummary | null): boolean {
    if (!before || !after) return before !== after;
    const { contentHtml: a, ...restA } = before;
    const { contentHtml: b, ...restB } = after;
    if (JSON.stringify(restA) !== JSON.stringify(restB)) return true;
    return a !== b && this.inFeed(after);
  }

  /** Among the newest FEED_ENTRIES (the order of sortSummaries: date descending, then slug). */
  private inFeed(s: IncidentSummary): boolean {
    let newer = 0;
    for (const r of this.results.values()) {
      const o = r.summary;
      if (o && o !== s && (o.date > s.date || (o.date === s.date && o.slug < s.slug)) && ++newer >= FEED_ENTRIES) return false;
    }
    return true;
  }
}
