/**
 * How the incident pages are split into Pagefind indexes ("shards"), so a rebuild that
 * changes one incident re-indexes only the shard that holds it. Each shard is a complete
 * Pagefind index; the search box merges them in the browser (Pagefind's `mergeIndex`).
 *
 * An incident's shard depends only on its URL and on the number of shards, and the number
 * of shards only on the number of incidents (a power of two, about 256 incidents a
 * shard, at most 64): the index is a function of the pages, whatever the build's history.
 * When the count crosses a power of two every shard is made again, once.
 *
 * Shard 0 is the primary index at `pagefind/` (with `pagefind.js` and the WebAssembly);
 * shard k > 0 is at `pagefind/shard-k/` and holds only its index data.
 */
import { createHash } from 'node:crypto';

/** Incidents a shard aims to hold; fewer incidents than this make one index, as before shards. */
export const SHARD_SIZE = 256;
export const MAX_SHARDS = 64;

export function shardCount(incidents: number): number {
  let k = 1;
  while (k < MAX_SHARDS && incidents > k * SHARD_SIZE) k *= 2;
  return k;
}

/** A stable bucket of the URL: the first 32 bits of its SHA-256, modulo the shard count. */
export function shardOf(url: string, shards: number): number {
  return createHash('sha256').update(url).digest().readUInt32BE(0) % shards;
}

/** The folder of shard k inside `pagefind/`: `''` for the primary, `shard-k/` otherwise. */
export function shardDir(k: number): string {
  return k === 0 ? '' : `shard-${k}/`;
}

/** The files of a Pagefind bundle that a merged (non-primary) shard needs: its entry, metadata and index data. */
export function isShardData(file: string): boolean {
  return /^(pagefind-entry\.json|[^/]+\.pf_meta|(index|fragment|filter)\/[^/]+)$/.test(file);
}

export interface ShardDocument {
  /** URL path relative to the site root: `incidents/x/`. */
  url: string;
  /** What the page is made of: changes whenever its bytes do (the engine gives their hash). */
  key: string;
}

export interface Shard {
  k: number;
  docs: ShardDocument[];
  /** What the shard's index is made from: the Pagefind version, the language and each page's URL and key. */
  digest: string;
}

/** The incident pages split into shards, in page order within each; empty shards (never the primary) are left out. */
export function splitShards(docs: readonly ShardDocument[], basis: string): Shard[] {
  const count = shardCount(docs.length);
  const groups: ShardDocument[][] = Array.from({ length: count }, () => []);
  for (const doc of docs) groups[shardOf(doc.url, count)]!.push(doc);
  return groups.flatMap((group, k) => {
    if (k > 0 && !group.length) return [];
    const hash = createHash('sha256').update(`${basis}\0${count}\0${k}\0`);
    for (const doc of group) hash.update(`${doc.url}\0${doc.key}\0`);
    return [{ k, docs: group, digest: hash.digest('hex').slice(0, 32) }];
  });
}
