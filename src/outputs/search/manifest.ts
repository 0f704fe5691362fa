/**
 * `pagefind/pm-shards.json`: the shards of the search index, each with the digest of what
 * it was made from. The search box reads it to merge the shards; the next build reads it
 * (from the output folder) to keep the shards whose digest is unchanged.
 */
import type { Page } from '../../render/types.js';
import { SEARCH_DIR } from '../paths.js';
import { shardDir, type Shard } from './shards.js';

export const MANIFEST = `${SEARCH_DIR}pm-shards.json`;

export interface ManifestShard {
  /** Folder inside `pagefind/`: `''` for the primary, `shard-k/` for the others. */
  dir: string;
  digest: string;
}

export function manifestPage(shards: readonly Shard[]): Page {
  const list: ManifestShard[] = shards.map((s) => ({ dir: shardDir(s.k), digest: s.digest }));
  return { path: MANIFEST, contents: `${JSON.stringify({ version: 1, shards: list })}\n` };
}

/** The digests of a previous build's manifest by folder; empty when it is missing or not one pm wrote. */
export function readManifest(text: string | null): Map<string, string> {
  const digests = new Map<string, string>();
  if (text === null) return digests;
  try {
    const parsed: unknown = JSON.parse(text);
    const shards = (parsed as { shards?: unknown }).shards;
    if (!Array.isArray(shards)) return digests;
    for (const s of shards as unknown[]) {
      const { dir, digest } = (s ?? {}) as Partial<Record<string, unknown>>;
      if (typeof dir === 'string' && typeof digest === 'string' && /^(shard-\d+\/)?$/.test(dir)) digests.set(dir, digest);
    }
  } catch {
    // not JSON: nothing to keep
  }
  return digests;
}
