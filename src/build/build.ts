/**
 * buildSite: discover → read → parse → incident model → timeline → render → write.
 * With `write: false` everything happens in memory and the pages are returned
 * (tests, library users); otherwise disk-build.ts writes the output folder
 * atomically, reusing the cache and worker processes.
 */
import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { ResolvedConfig } from '../config/types.js';
import { copyCollisions, readCopy, siteCopies } from '../load/copies.js';
import { checkLocalRefs, published, refOwner } from '../check/local-links.js';
import { buildToDisk } from './disk-build.js';
import { checkSlugs, setupSite, type SetupOptions } from './setup.js';
import { sortSummaries } from '../render/indexes.js';
import type { IncidentSummary, Page } from '../render/types.js';

export interface BuildOptions extends SetupOptions {
  /** Write to the output folder (default true). False returns every page in memory. */
  write?: boolean;
  /** Reuse and update the build cache in <root>/.pm-cache (default true; disk builds only). */
  cache?: boolean;
  /** Worker processes for large builds (default: one per core, `os.availableParallelism()`). */
  threads?: number;
  /** Called after each incident is processed or reused. */
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface BuildStats {
  incidents: number;
  /** Incidents rendered in this build (the rest came from the cache). */
  rendered: number;
  /** Files in the output. */
  files: number;
  /** Files written by this build. */
  written: number;
  incremental: boolean;
}

export interface BuildResult {
  config: ResolvedConfig;
  /** Every output file; only filled when `write: false`. */
  pages: Page[];
  incidents: IncidentSummary[];
  diagnostics: Diagnostic[];
  /** True when the output folder was replaced. */
  written: boolean;
  stats: BuildStats;
}

export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const setup = setupSite(options);
  if (options.write ?? true) return buildToDisk(setup, options);

  const { readAndProcess, renderSite } = await import('./examine.js');
  const { root, config, site, files } = setup;
  const results = [];
  for (const file of files) {
    results.push(await readAndProcess(root, file, site, ''));
    options.onProgress?.(results.length, files.length, file);
  }
  const summaries = sortSummaries(results.flatMap((r) => (r.summary ? [r.summary] : [])));
  const pages = [...setup.assets, ...results.flatMap((r) => r.pages), ...renderSite(summaries, site)];
  // bundle assets and static/ (copies.ts), never over one of pm's pages
  const owners = results.map((r) => ({ file: r.file, slug: r.slug, published: r.summary !== null, sources: r.sources }));
  const found = siteCopies({ root, postsDir: config.postsDir, urls: config.urls }, owners);
  const collisions = copyCollisions(found.copies, new Set(pages.map((p) => p.path)));
  if (!collisions.length) for (const c of found.copies) pages.push({ path: c.path, contents: readCopy(c) });
  const outputs = new Set(pages.map((p) => p.path));
  const links = results.flatMap((r) => (r.summary ? checkLocalRefs(refOwner(r.file, r.slug, config.urls), r.links ?? [], (p) => published(p, outputs)) : []));
  const { siteSearch } = await import('../outputs/search/site-search.js');
  const byPath = new Map(pages.map((p) => [p.path, p.contents]));
  const search = await siteSearch(summaries, config, (file) => byPath.get(file) ?? null);
  pages.push(...search.pages);
  pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const diagnostics = sortDiagnostics([
    ...setup.diagnostics, ...results.flatMap((r) => r.diagnostics), ...checkSlugs(results), ...found.diagnostics, ...collisions, ...links, ...search.diagnostics,
  ]);
  return {
    config,
    pages,
    incidents: summaries,
    diagnostics,
    written: false,
    stats: { incidents: summaries.length, rendered: summaries.length, files: pages.length, written: 0, incremental: false },
  };
}

