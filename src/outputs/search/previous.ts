/**
 * The search index of the last build, in the output folder: its manifest and, for a shard
 * whose digest is unchanged, its files, so the build keeps them as they are without
 * running Pagefind (nor reading them). Anything missing or unreadable: that shard is indexed again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST } from './manifest.js';
import { SEARCH_DIR } from '../paths.js';
import { isShardData } from './shards.js';

export interface PreviousIndex {
  manifest: string | null;
  /** The output path of every file of the shard in `pagefind/<dir>`, or null when they cannot be listed. */
  shardFiles(dir: string): string[] | null;
}

export function previousIndex(out: string): PreviousIndex {
  const root = path.join(out, SEARCH_DIR);
  let manifest: string | null = null;
  try {
    manifest = readFileSync(path.join(out, MANIFEST), 'utf8');
  } catch {
    // no previous index
  }
  return {
    manifest,
    shardFiles(dir) {
      try {
        const files = listFiles(path.join(root, dir)).filter((f) =>
          dir === '' ? !/^shard-\d+\//.test(f) && `${SEARCH_DIR}${f}` !== MANIFEST : isShardData(f),
        );
        if (!files.includes('pagefind-entry.json')) return null;
        return files.map((f) => `${SEARCH_DIR}${dir}${f}`);
      } catch {
        return null;
      }
    },
  };
}

/** Files under `dir`, as `/`-separated paths relative to it. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return listFiles(path.join(dir, e.name), `${prefix}${e.name}/`);
    return e.isFile() ? [`${prefix}${e.name}`] : [];
  });
}
