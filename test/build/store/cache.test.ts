import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CACHE_VERSION, openCache, type BuildCache, type CacheEntry } from '../../../src/build/store/cache.js';

const loadCache = (r: string) => openCache(r)!.load();
const saveCache = (r: string, c: BuildCache, since?: BuildCache | null) => openCache(r)!.save(c, since);

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

function root(): string {
  const r = mkdtempSync(path.join(os.tmpdir(), 'pm-cache-'));
  roots.push(r);
  mkdirSync(path.join(r, '.pm-cache'));
  openCache(r)!.saveSummaries({});
  return r;
}

function entry(n: number, key = `k${n}`): CacheEntry {
  const slug = n % 3 ? `2024-01-${n}-x` : `custom-${n}`;
  return {
    file: `posts/2024-01-${n}-x.md`,
    stamp: { size: 100 + n, mtimeMs: 1.5 + n },
    key,
    slug,
    date: 1000 * n,
    summaryHash: `h${n}`,
    pages: [`incidents/${slug}/index.html`, `embed/${slug}/index.html`],
    sources: n % 2 ? [{ path: `/logs/${n}.log`, stamp: { size: 1, mtimeMs: 2 } }] : [],
    diagnostics: n % 4 ? [] : [{ level: 'warning', file: `posts/2024-01-${n}-x.md`, line: 3, column: 1, rule: 'source/empty', message: 'm' }],
  };
}

function cacheOf(entries: CacheEntry[], siteDigest = 'd1'): BuildCache {
  return {
    version: CACHE_VERSION,
    out: '/out',
    outStamp: '1:2:3',
    siteKey: 's',
    siteDigest,
    site: { 'index.html': 'x' },
    entries: Object.fromEntries(entries.map((e) => [e.file, e])),
  };
}

const files = (r: string) => ({
  index: readFileSync(path.join(r, '.pm-cache', 'index.json'), 'utf8'),
  log: existsSync(path.join(r, '.pm-cache', 'index.log')) ? readFileSync(path.join(r, '.pm-cache', 'index.log'), 'utf8') : null,
});
const strip = (c: BuildCache | null) => c && { ...c, logged: undefined, sealedBy: undefined };

describe('build cache: index.json and index.log', () => {
  it('a rebuild appends only what changed, and loading replays it', () => {
    const r = root();
    const first = cacheOf(Array.from({ length: 100 }, (_, i) => entry(i + 1)));
    saveCache(r, first);
    const loaded = loadCache(r)!;
    expect(strip(loaded)).toEqual(strip(first));
    const before = files(r).index;

    const next = cacheOf([], 'd2');
    next.entries = { ...loaded.entries, [entry(5).file]: entry(5, 'k5-edited'), [entry(200).file]: entry(200) };
    delete next.entries[entry(7).file];
    saveCache(r, next, loaded);
    expect(files(r).index).toBe(before);
    expect(
      files(r)
        .log!.trim()
        .split('\n')
        .map((l) => JSON.parse(l.slice(65))[0]),
    ).toEqual(['row', 'row', 'del', 'head']);
    const again = loadCache(r)!;
    expect(strip(again)).toEqual(strip(next));
    expect(again.logged).toBe(4);
  });

  it("logs what changed in the site pages' hashes, never the whole map again", () => {
    const r = root();
    const site = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`pagefind/fragment/en_${i}.pf_fragment`, `hash-${i}`]));
    saveCache(r, { ...cacheOf([entry(1)]), site });
    const loaded = loadCache(r)!;
    const next: BuildCache = {
      ...cacheOf([entry(1)], 'd2'),
      site: { ...site, 'pagefind/fragment/en_1.pf_fragment': 'edited', 'pagefind/fragment/new.pf_fragment': 'new' },
    };
    delete next.site['pagefind/fragment/en_2.pf_fragment'];
    Object.defineProperty(next.site, '__proto__', { value: 'a static/ file of that name', enumerable: true, writable: true, configurable: true });
    saveCache(r, next, loaded);
    const log = files(r).log!;
    expect(log.length).toBeLessThan(1000); // the whole map is ~100 KB
    expect(log).toContain('"site",{');
    const again = loadCache(r)!;
    expect(Object.keys(again.site).sort()).toEqual(Object.keys(next.site).sort());
    expect(Object.entries(again.site)).toEqual(expect.arrayContaining(Object.entries(next.site)));
    expect(Object.getPrototypeOf(again.site)).toBe(Object.prototype);
  });

  it('a line cut short by a killed build is dropped with what follows', () => {
    const r = root();
    const first = cacheOf([entry(1), entry(2)]);
    saveCache(r, first);
    const loaded = loadCache(r)!;
    saveCache(r, cacheOf([entry(1, 'new'), entry(2)]), loaded);
    appendFileSync(path.join(r, '.pm-cache', 'index.log'), `${'0'.repeat(64)} ["row",["posts/x.md",1,`);
    expect(loadCache(r)!.entries[entry(1).file]!.key).toBe('new');
    expect(Object.keys(loadCache(r)!.entries)).toHaveLength(2);
  });

  it('folds the log into a new index.json when it grows, and a full save drops an old log', () => {
    const r = root();
    let cache = cacheOf(Array.from({ length: 10 }, (_, i) => entry(i + 1)));
    saveCache(r, cache);
    for (let round = 0; round < 70; round++) {
      const loaded = loadCache(r)!;
      cache = { ...loaded, logged: undefined, sealedBy: undefined, entries: { ...loaded.entries, [entry(1).file]: entry(1, `k-${round}`) } };
      saveCache(r, cache, loaded);
    }
    // 64 single-row records fit; the 65th rewrote the index
    expect(files(r).log!.trim().split('\n')).toHaveLength(70 - 65);
    expect(loadCache(r)!.entries[entry(1).file]!.key).toBe('k-69');
    saveCache(r, cacheOf([entry(3)]));
    expect(files(r).log).toBeNull();
    expect(Object.keys(loadCache(r)!.entries)).toEqual([entry(3).file]);
  });
});
