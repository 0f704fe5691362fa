/**
 * buildSite: the engine (engine.ts) with the writer the caller asked for. With
 * `write: false` everything happens in memory and the pages are returned (tests,
 * library users); otherwise the output folder is replaced atomically (staged-writer.ts),
 * reusing the build cache and worker processes. Nothing reaches the output folder if any
 * error-level diagnostic was found, and only a folder pm may replace is replaced (out-guard.ts).
 */
import { diskError } from '../write/disk-errors.js';
import { checkOutput } from '../write/out-guard.js';
import { openCache } from './store/cache.js';
import { runEngine } from './engine.js';
import { setupSite } from './setup.js';
import { StagedWriter } from './staged-writer.js';
import { MemoryWriter } from './writers.js';
import type { BuildOptions, BuildResult } from './types.js';

export type { BuildOptions, BuildResult, BuildStats } from './types.js';

export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const setup = setupSite(options);
  const { config } = setup;
  if (!(options.write ?? true)) {
    const writer = new MemoryWriter(config.search);
    return (await runEngine(setup, { ...options, store: null, writer: () => writer, threads: 1 })).result;
  }
  checkOutput(config, options.out === undefined);
  try {
    const store = (options.cache ?? true) ? openCache(setup.root) : null;
    return (await runEngine(setup, { ...options, store, writer: () => new StagedWriter(config.outDir, config.search) })).result;
  } catch (e) {
    throw diskError(e, config.outDir) ?? e;
  }
}
