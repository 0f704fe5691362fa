/**
 * Search for a build: the Pagefind index of every published incident page (never the
 * indexes, tag or service pages, or embeds), split into shards (shards.ts), and the one
 * warning when it cannot be made. `search: false` in the config: nothing. The pages are
 * read through `read`, so a disk build can take unchanged pages from the output folder
 * and new ones from staging; with the last build's index (`previous`), only the shards
 * whose pages changed are indexed again, the others are kept as they are.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics.js';
import type { ResolvedConfig } from '../../config/types.js';
import type { Page } from '../../render/types.js';
import { fileForUrl } from '../urls.js';
import { manifestPage, readManifest } from './manifest.js';
import { pagefindShards, pagefindVersion } from './pagefind.js';
import type { PreviousIndex } from './previous.js';
import { shardDir, splitShards, type Shard, type ShardDocument } from './shards.js';

export interface SiteSearch {
  /** Files made by this build. */
  pages: Page[];
  /** Paths of the last output's files this index keeps as they are (its unchanged shards). */
  kept: string[];
  diagnostics: Diagnostic[];
  /** Shards indexed by this build, and kept from the last one. */
  stats: { indexed: number; kept: number };
}

type SearchConfig = Pick<ResolvedConfig, 'search' | 'language' | 'configFile'>;

/** Changes whenever what pm gives Pagefind changes shape: every shard is indexed again. */
const FORMAT = 'pm-search/2';

/**
 * `docs`: every published incident page in page order, each with a key that changes whenever
 * its bytes may; only the pages of shards indexed again are read.
 */
export async function siteSearch(
  docs: readonly ShardDocument[],
  config: SearchConfig,
  read: (file: string) => string | Buffer | null,
  previous: PreviousIndex | null = null,
): Promise<SiteSearch> {
  if (!config.search) return { pages: [], kept: [], diagnostics: [], stats: { indexed: 0, kept: 0 } };
  const version = pagefindVersion();
  const shards = splitShards(docs, `${FORMAT}\0${version ?? 'unknown'}\0${config.language}`);
  // an unknown Pagefind version could be another one than the last build's: keep nothing
  const before = version === null ? new Map<string, string>() : readManifest(previous?.manifest ?? null);
  const kept: string[] = [];
  const todo: Shard[] = [];
  for (const shard of shards) {
    const files = before.get(shardDir(shard.k)) === shard.digest ? (previous?.shardFiles(shardDir(shard.k)) ?? null) : null;
    if (files) kept.push(...files);
    else todo.push(shard);
  }
  const index = todo.length
    ? await pagefindShards(todo, config.language, (url) => read(fileForUrl(url))?.toString() ?? null)
    : { ok: true as const, pages: [] };
  const stats = { indexed: todo.length, kept: shards.length - todo.length };
  if (index.ok) {
    const pages = [...index.pages, manifestPage(shards)];
    return { pages: pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), kept, diagnostics: [], stats };
  }
  return {
    pages: [],
    kept: [],
    stats,
    diagnostics: [
      {
        level: 'warning',
        file: config.configFile ?? '.',
        line: 0,
        column: 0,
        rule: 'search/unavailable',
        message: `search index not built: ${index.reason}. The site works without search; set \`search: false\` in the config to skip it`,
      },
    ],
  };
}

/** A disk build's pages: rendered now (in staging), else from the last build (the output folder). */
export function readStagedOrOut(staging: string, out: string): (file: string) => Buffer | null {
  return (file) => {
    for (const dir of [staging, out]) {
      try {
        return readFileSync(path.join(dir, file));
      } catch {
        // not there: try the next folder
      }
    }
    return null;
  };
}
