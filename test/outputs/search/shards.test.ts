/**
 * The shards of the search index: how many for an archive, which incident goes where
 * (stable, spread out), and which shard a one-page change touches.
 */
import { describe, expect, it } from 'vitest';
import { shardCount, shardDir, shardOf, splitShards } from '../../../src/outputs/search/shards.js';

const urls = (n: number): string[] => Array.from({ length: n }, (_, i) => `incidents/outage-${i}/`);

describe('search shards', () => {
  it('one index up to 256 incidents, then about 256 a shard, never more than 64', () => {
    expect([0, 1, 256, 257, 512, 513, 3000, 10_000, 1_000_000].map(shardCount)).toEqual([1, 1, 1, 2, 2, 4, 16, 64, 64]);
  });

  it('an incident keeps its shard as the archive grows, and the shards are about even', () => {
    const all = urls(3000);
    const counts = new Array<number>(16).fill(0);
    for (const u of all) counts[shardOf(u, 16)]!++;
    expect(Math.min(...counts)).toBeGreaterThan(3000 / 16 / 2);
    expect(Math.max(...counts)).toBeLessThan((3000 / 16) * 1.5);
    expect(all.map((u) => shardOf(u, 16))).toEqual(all.map((u) => shardOf(u, 16)));
    expect(shardDir(0)).toBe('');
    expect(shardDir(5)).toBe('shard-5/');
  });

  it('a changed page changes the digest of its shard only; page order is kept inside a shard', () => {
    const docs = urls(600).map((url) => ({ url, key: `key of ${url}` }));
    const before = splitShards(docs, 'basis');
    expect(before.map((s) => s.k)).toEqual([0, 1, 2, 3]);
    expect(before.flatMap((s) => s.docs).length).toBe(600);
    for (const s of before) expect(s.docs).toEqual(docs.filter((d) => s.docs.includes(d)));
    const edited = docs.map((d, i) => (i === 300 ? { ...d, key: 'edited' } : d));
    const after = splitShards(edited, 'basis');
    const changed = after.filter((s, i) => s.digest !== before[i]!.digest).map((s) => s.k);
    expect(changed).toEqual([shardOf(docs[300]!.url, 4)]);
    // another Pagefind version or language: every shard is made again
    expect(splitShards(docs, 'other').every((s, i) => s.digest !== before[i]!.digest)).toBe(true);
  });
});
