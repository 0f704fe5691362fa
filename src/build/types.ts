/**
 * The options and result of a build, shared by `buildSite` (build.ts) and the engine
 * (engine.ts) that every caller runs: kept apart so neither imports the other's module.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { ResolvedConfig } from '../config/types.js';
import type { SetupOptions } from './setup.js';
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
  /** Search index shards indexed by this build and kept from the last one (both 0 when search pages were not made). */
  search: { indexed: number; kept: number };
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
