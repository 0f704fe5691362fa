/**
 * A poisoned `.pm-cache/`: the cache is in the site folder, so a pull request can plant
 * or edit it. Nothing in it may be published unless this user's pm wrote it for this
 * site, and no page path in it may leave dist/ (even one carrying a valid MAC).
 */
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../../src/build/build.js';
import { openCache } from '../../../src/build/store/cache.js';
import { userCacheDir } from '../../../src/build/store/user-cache.js';
import { tempDir } from '../../cli/helpers.js';
import { treeHashes } from '../cli-helpers.js';

const fixture = path.join(import.meta.dirname, '..', '..', 'fixtures', 'site-basic');

let base: string;
let root: string;
const cache = (...p: string[]): string => path.join(root, '.pm-cache', ...p);
beforeEach(() => {
  base = tempDir('pm-trust-');
  root = path.join(base, 'site');
  cpSync(fixture, root, { recursive: true });
  mkdirSync(path.join(base, 'home'));
  writeFileSync(path.join(base, 'home', 'plan.md'), 'the plan\n');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

/** An edit that changes a summary: site-wide pages and feeds are rendered again from the cache. */
function editPost(): void {
  const file = path.join(root, 'posts', '2020-09-02-outbound.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('Outbound traffic blocked', 'Outbound traffic cut'));
  const later = new Date(statSync(file).mtimeMs + 5000);
  utimesSync(file, later, later);
}

/** The same site built from nothing, to compare with. */
async function cleanBuild(): Promise<Record<string, string>> {
  await buildSite({ root, cache: false, out: path.join(base, 'clean') });
  return treeHashes(path.join(base, 'clean'));
}

/** Replaces a sealed file's data, keeping the MAC line it had (what an attacker can do). */
function tamper(file: string, change: (data: string) => string): void {
  const text = readFileSync(file, 'utf8');
  const cut = text.indexOf('\n');
  writeFileSync(file, `${text.slice(0, cut)}\n${change(text.slice(cut + 1))}`);
}

const warnings = (r: Awaited<ReturnType<typeof buildSite>>): string[] => r.diagnostics.filter((d) => d.level === 'warning').map((d) => d.message);

describe('a poisoned cache', () => {
  it('post bodies with <script> and onerror never reach the feeds', async () => {
    await buildSite({ root });
    const bodies = readdirSync(cache('content'));
    expect(bodies.length).toBeGreaterThan(0);
    for (const name of bodies) tamper(cache('content', name), () => '<script>alert(1)</script><img src=x onerror=alert(2)>');
    writeFileSync(cache('content', 'ffff.html'), '<script>alert(3)</script>'); // a planted one, no MAC at all
    editPost();
    const r = await buildSite({ root });
    expect(r.stats.incremental).toBe(true);
    for (const feed of ['feed.xml', 'feed.json']) expect(readFileSync(path.join(root, 'dist', feed), 'utf8')).not.toMatch(/alert\(|onerror/);
    expect(warnings(r).filter((m) => /\.pm-cache\//.test(m))).toHaveLength(1);
    expect(treeHashes(path.join(root, 'dist'))).toEqual(await cleanBuild());
  });

  it('summaries with javascript: URLs never reach the feeds, incidents.json or the sitemap', async () => {
    await buildSite({ root, baseUrl: 'https://pm.example' });
    tamper(cache('summaries.json'), (data) => {
      const all = JSON.parse(data) as Record<string, { url: string; title: string }>;
      for (const s of Object.values(all)) Object.assign(s, { url: 'javascript:alert(1)//', title: '<script>alert(2)</script>' });
      return JSON.stringify(all);
    });
    editPost();
    const r = await buildSite({ root, baseUrl: 'https://pm.example' });
    for (const file of ['feed.xml', 'feed.json', 'incidents.json', 'sitemap.xml', 'index.html']) {
      expect(readFileSync(path.join(root, 'dist', file), 'utf8'), file).not.toMatch(/javascript:|alert\(/);
    }
    expect(warnings(r).filter((m) => /summaries\.json/.test(m))).toHaveLength(1);
  });

  it('a page list naming ../ paths is discarded: nothing outside dist/ is linked, written or deleted', async () => {
    await buildSite({ root });
    const victim = path.relative(path.join(root, 'dist'), path.join(base, 'home', 'plan.md'));
    tamper(cache('index.json'), (data) =>
      data.replace('"index.html"', JSON.stringify(victim)).replaceAll('incidents/\\u0000/index.html', `../../home/\\u0000`),
    );
    editPost();
    const r = await buildSite({ root });
    expect(r.stats.incremental).toBe(false);
    expect(warnings(r).filter((m) => /index\.json/.test(m))).toHaveLength(1);
    expect(readFileSync(path.join(base, 'home', 'plan.md'), 'utf8')).toBe('the plan\n');
    expect(readdirSync(path.join(base, 'home'))).toEqual(['plan.md']);
    expect(treeHashes(path.join(root, 'dist'))).toEqual(await cleanBuild());
  });

  it('page paths are checked again on read, even under a valid MAC', async () => {
    await buildSite({ root });
    const store = openCache(root)!;
    const loaded = store.load()!;
    const [file, entry] = Object.entries(loaded.entries)[0]!;
    store.save({ ...loaded, sealedBy: undefined, entries: { ...loaded.entries, [file]: { ...entry, pages: ['../../home/plan.md'] } } });
    const again = openCache(root)!;
    expect(again.load()).toBeNull();
    expect(again.problem).toMatch(/index\.json/);
    store.save({ ...loaded, sealedBy: undefined, site: { '../x.html': 'h' } });
    expect(openCache(root)!.load()).toBeNull();
  });

  it('a cache pm wrote for another site is foreign: discarded with one warning', async () => {
    const other = path.join(base, 'other');
    cpSync(fixture, other, { recursive: true });
    await buildSite({ root: other });
    await buildSite({ root });
    rmSync(cache(), { recursive: true });
    cpSync(path.join(other, '.pm-cache'), cache(), { recursive: true });
    editPost();
    const r = await buildSite({ root });
    expect(r.stats.incremental).toBe(false);
    expect(warnings(r).filter((m) => /\.pm-cache/.test(m))).toHaveLength(1);
  });

  it('links planted in .pm-cache never make pm write through them', async () => {
    const plan = path.join(base, 'home', 'plan.md');
    mkdirSync(cache());
    for (const name of ['index.json.tmp', 'summaries.json.tmp', 'index.log']) symlinkSync(plan, cache(name));
    symlinkSync(path.join(base, 'home'), cache('content'));
    await buildSite({ root });
    editPost();
    await buildSite({ root });
    expect(readFileSync(plan, 'utf8')).toBe('the plan\n');
    expect(readdirSync(path.join(base, 'home'))).toEqual(['plan.md']);
  });

  it('a .pm-cache that is a link out of the site is not used', async () => {
    symlinkSync(path.join(base, 'home'), cache());
    const r = await buildSite({ root });
    expect(r.written).toBe(true);
    expect(readdirSync(path.join(base, 'home'))).toEqual(['plan.md']);
  });

  it("the secret is the user's own: a private file in the user's cache folder, never in the site", async () => {
    await buildSite({ root });
    const secret = path.join(userCacheDir(), 'secret');
    expect(lstatSync(secret).isFile()).toBe(true);
    expect(statSync(secret).mode & 0o077).toBe(0);
    expect(existsSync(cache('secret'))).toBe(false);
  });
});
