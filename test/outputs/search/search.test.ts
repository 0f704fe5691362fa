/**
 * The Pagefind index in a build: incident pages only, the same bytes from two builds,
 * `search: false` turns it off, and a machine where the binary cannot run still builds
 * with one warning. A larger archive is split into shards, and a rebuild indexes only the
 * shards whose pages changed, giving the bytes a build from scratch gives.
 */
import { appendFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../../src/build/build.js';
import { tempDir } from '../../cli/helpers.js';
import { writeCorpus } from '../archive/corpus.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const saved = process.env['PAGEFIND_BINARY_PATH'];
afterEach(() => {
  if (saved === undefined) delete process.env['PAGEFIND_BINARY_PATH'];
  else process.env['PAGEFIND_BINARY_PATH'] = saved;
});

function corpus(n: number, config = ''): string {
  const root = tempDir('pm-search-');
  dirs.push(root);
  writeCorpus(root, n, { config, inReviewEvery: 5 });
  return root;
}

const searchFiles = (r: Awaited<ReturnType<typeof buildSite>>) => r.pages.filter((p) => p.path.startsWith('pagefind/'));
const asBytes = (pages: ReturnType<typeof searchFiles>) => pages.map((p) => ({ path: p.path, contents: Buffer.from(p.contents) }));

/** The search index a disk build left in `out`, as pages sorted by path (as buildSite({ write: false }) returns them). */
function onDisk(out: string): Array<{ path: string; contents: Buffer }> {
  const list = (dir: string): string[] =>
    readdirSync(path.join(out, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(`${dir}${e.name}/`) : [`${dir}${e.name}`]));
  return list('pagefind/')
    .sort()
    .map((p) => ({ path: p, contents: readFileSync(path.join(out, p)) }));
}

describe('search index', () => {
  it('holds one record per published incident page, and two builds give the same bytes', async () => {
    const root = corpus(60);
    const a = await buildSite({ root, write: false });
    const b = await buildSite({ root, write: false });
    expect(a.diagnostics.filter((d) => d.rule.startsWith('search/'))).toEqual([]);
    const files = searchFiles(a);
    expect(files.map((p) => p.path)).toContain('pagefind/pagefind.js');
    // Pagefind writes one fragment per indexed page: the 48 published incidents, not the lists
    expect(files.filter((p) => p.path.startsWith('pagefind/fragment/'))).toHaveLength(a.incidents.length);
    expect(a.incidents).toHaveLength(48);
    expect(searchFiles(b)).toEqual(files);
    // one shard: the primary index only
    const manifest = JSON.parse(String(files.find((p) => p.path === 'pagefind/pm-shards.json')!.contents));
    expect(manifest.shards.map((s: { dir: string }) => s.dir)).toEqual(['']);
    // every page carries the search box pointing at the bundle
    const deep = String(a.pages.find((p) => p.path === 'services/dns/index.html')!.contents);
    expect(deep).toContain('data-pagefind="../../pagefind/"');
  }, 120_000);

  it('search: false: no index and no search box', async () => {
    const r = await buildSite({ root: corpus(5, 'search: false\n'), write: false });
    expect(searchFiles(r)).toEqual([]);
    expect(String(r.pages.find((p) => p.path === 'index.html')!.contents)).not.toContain('role="search"');
  });

  it('a binary that cannot run: the site still builds, with one warning', async () => {
    process.env['PAGEFIND_BINARY_PATH'] = '/nonexistent/pagefind';
    const r = await buildSite({ root: corpus(5), write: false });
    expect(searchFiles(r)).toEqual([]);
    const warnings = r.diagnostics.filter((d) => d.level !== 'info');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 'warning', rule: 'search/unavailable' });
    expect(warnings[0]!.message).toMatch(/^search index not built: .*set `search: false`/);
    expect(r.pages.some((p) => p.path === 'index.html')).toBe(true);
  });

  it('a larger archive is split into shards; a rebuild indexes only the changed shard, and gives the bytes of a cold build', async () => {
    const root = corpus(340);
    const first = await buildSite({ root, write: false });
    expect(first.incidents.length).toBeGreaterThan(256);
    const files = searchFiles(first);
    const shardDirs = JSON.parse(String(files.find((p) => p.path === 'pagefind/pm-shards.json')!.contents)).shards.map((s: { dir: string }) => s.dir);
    expect(shardDirs).toEqual(['', 'shard-1/']);
    // each shard is a whole index; the merged one carries no copy of Pagefind's code
    expect(files.map((p) => p.path)).toContain('pagefind/shard-1/pagefind-entry.json');
    expect(files.filter((p) => p.path.startsWith('pagefind/shard-1/') && /\.(js|css|pagefind)$/.test(p.path))).toEqual([]);
    const fragments = files.filter((p) => /^pagefind\/(shard-1\/)?fragment\//.test(p.path));
    expect(fragments).toHaveLength(first.incidents.length);

    // pm build, an edit to one post's body, pm build again: one shard indexed, the other kept
    const out = path.join(root, 'dist');
    expect((await buildSite({ root, out })).stats.search).toEqual({ indexed: 2, kept: 0 });
    expect(onDisk(out)).toEqual(asBytes(files));
    const post = readdirSync(path.join(root, 'posts')).find((f) => f.endsWith('incident-0100.md'))!;
    appendFileSync(path.join(root, 'posts', post), '\nA sentence added by the edit.\n');
    const edit = await buildSite({ root, out });
    expect(edit.stats).toMatchObject({ incremental: true, search: { indexed: 1, kept: 1 } });
    expect(edit.diagnostics.filter((d) => d.rule.startsWith('search/'))).toEqual([]);
    const again = onDisk(out);
    expect(again).not.toEqual(asBytes(files));
    // the bytes of a build from scratch of the edited posts
    expect(again).toEqual(asBytes(searchFiles(await buildSite({ root, write: false }))));

    // nothing changed since: no shard to index, so not even a binary that cannot run matters
    process.env['PAGEFIND_BINARY_PATH'] = '/nonexistent/pagefind';
    const same = await buildSite({ root, out });
    expect(same.diagnostics.filter((d) => d.rule.startsWith('search/'))).toEqual([]);
    expect(onDisk(out)).toEqual(again);
  }, 240_000);

  it('pm build re-indexes only the changed shard of its last output, and never trusts an index it did not make', async () => {
    const root = corpus(340);
    const out = path.join(root, 'dist');
    const cold = await buildSite({ root, out });
    expect(cold.stats.search).toEqual({ indexed: 2, kept: 0 });
    const post = readdirSync(path.join(root, 'posts')).find((f) => f.endsWith('incident-0100.md'))!;
    appendFileSync(path.join(root, 'posts', post), '\nA sentence added by the edit.\n');
    const edit = await buildSite({ root, out });
    expect(edit.stats).toMatchObject({ incremental: true, search: { indexed: 1, kept: 1 } });
    // without the cache (a dist/ it cannot vouch for), every shard is indexed again
    const full = await buildSite({ root, out, cache: false });
    expect(full.stats).toMatchObject({ incremental: false, search: { indexed: 2, kept: 0 } });
  }, 240_000);
});
