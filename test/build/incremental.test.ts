import { cpSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';
import { tempDir } from '../cli/helpers.js';

const fixture = path.join(import.meta.dirname, '..', 'fixtures', 'site-basic');

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else out[`${prefix}${name}`] = readFileSync(full, 'latin1');
    }
  };
  walk(dir, '');
  return out;
}

/** Bumps mtime so the cache sees an edit even within one clock tick. */
function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
  const later = new Date(statSync(file).mtimeMs + 5000);
  utimesSync(file, later, later);
}

let root: string;
beforeEach(() => {
  root = tempDir('pm-incr-');
  cpSync(fixture, root, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('disk builds with the cache', () => {
  it('a rebuild with nothing changed renders nothing and writes nothing', async () => {
    const first = await buildSite({ root });
    expect(first.stats).toMatchObject({ incremental: false, rendered: 2 });
    const before = tree(path.join(root, 'dist'));
    const again = await buildSite({ root });
    expect(again.stats).toMatchObject({ incremental: true, rendered: 0, written: 0 });
    expect(tree(path.join(root, 'dist'))).toEqual(before);
  });

  it("keeps the theme precompiled in the user's cache folder, never in the site, and ignores templates kept for another key", async () => {
    const home = tempDir('pm-xdg-');
    const before = process.env['XDG_CACHE_HOME'];
    process.env['XDG_CACHE_HOME'] = home;
    try {
      await buildSite({ root });
      const dir = path.join(home, 'pm', 'templates');
      const [name, ...others] = readdirSync(dir);
      expect(others).toEqual([]);
      expect(readdirSync(path.join(root, '.pm-cache')).filter((f) => /template/.test(f))).toEqual([]);
      const file = path.join(dir, name!);
      const kept = JSON.parse(readFileSync(file, 'utf8')) as { key: string; specs: Record<string, string> };
      expect(Object.keys(kept.specs)).toContain('layouts/incident');
      const bogus = { key: 'another theme', specs: { ...kept.specs, 'layouts/incident': kept.specs['layouts/tags'] } };
      writeFileSync(file, JSON.stringify(bogus));
      edit(path.join(root, 'posts', '2020-09-02-outbound.md'), (t) => t.replace('Outbound traffic blocked', 'Outbound traffic cut'));
      await buildSite({ root });
      await buildSite({ root, cache: false, out: path.join(root, 'fresh') });
      expect(tree(path.join(root, 'dist'))).toEqual(tree(path.join(root, 'fresh')));
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(kept);
    } finally {
      if (before === undefined) delete process.env['XDG_CACHE_HOME'];
      else process.env['XDG_CACHE_HOME'] = before;
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('after an edit, the incremental output equals a full build byte for byte', async () => {
    await buildSite({ root });
    edit(path.join(root, 'posts', '2020-09-02-outbound.md'), (t) =>
      t.replace('Outbound traffic blocked', 'Outbound traffic cut').replace('tags: [Networking, provider]', 'tags: [Networking, abuse]'),
    );
    const incr = await buildSite({ root });
    expect(incr.stats).toMatchObject({ incremental: true, rendered: 1 });
    expect(incr.stats.written).toBeGreaterThan(0);
    const incremental = tree(path.join(root, 'dist'));
    expect(incremental['tags/abuse/index.html']).toContain('Outbound traffic cut');
    expect(incremental['tags/provider/index.html']).toBeUndefined(); // the tag page of a tag no one uses is gone

    await buildSite({ root, cache: false, out: path.join(root, 'fresh') });
    expect(incremental).toEqual(tree(path.join(root, 'fresh')));
  });

  it('a removed incident disappears from the output and the indexes', async () => {
    await buildSite({ root });
    rmSync(path.join(root, 'posts', '2017-01-07-bundle'), { recursive: true });
    await buildSite({ root });
    expect(existsSync(path.join(root, 'dist', 'incidents', '2017-01-07-bundle'))).toBe(false);
    expect(readFileSync(path.join(root, 'dist', 'index.html'), 'utf8')).not.toContain('SSH brute force');
  });

  it('pages another incident takes over stay (slugs swapped, a file renamed)', async () => {
    const outbound = path.join(root, 'posts', '2020-09-02-outbound.md');
    const bundle = path.join(root, 'posts', '2017-01-07-bundle', 'index.md');
    edit(outbound, (t) => t.replace('title:', 'slug: one\ntitle:'));
    edit(bundle, (t) => t.replace('title:', 'slug: two\ntitle:'));
    await buildSite({ root });
    edit(outbound, (t) => t.replace('slug: one', 'slug: two'));
    edit(bundle, (t) => t.replace('slug: two', 'slug: one'));
    await buildSite({ root });
    await buildSite({ root, cache: false, out: path.join(root, 'fresh') });
    expect(tree(path.join(root, 'dist'))).toEqual(tree(path.join(root, 'fresh')));
    expect(readFileSync(path.join(root, 'dist', 'incidents', 'two', 'index.html'), 'utf8')).toContain('Outbound traffic blocked');

    renameSync(outbound, path.join(root, 'posts', '2020-09-02-outbound-renamed.md'));
    await buildSite({ root });
    rmSync(path.join(root, 'fresh'), { recursive: true });
    await buildSite({ root, cache: false, out: path.join(root, 'fresh') });
    expect(tree(path.join(root, 'dist'))).toEqual(tree(path.join(root, 'fresh')));
    expect(existsSync(path.join(root, 'dist', 'incidents', 'two', 'index.html'))).toBe(true);
  });

  it('a build killed between swapping its output in and saving its cache makes the next one full, not stale', async () => {
    await buildSite({ root });
    const before = tree(path.join(root, 'dist'));
    const post = path.join(root, 'posts', '2020-09-02-outbound.md');
    const text = readFileSync(post, 'utf8');
    // what such a build leaves: a new dist/ the cache does not describe
    edit(post, (t) => t.replace('Outbound traffic blocked', 'Outbound traffic cut'));
    await buildSite({ root, cache: false });
    expect(readFileSync(path.join(root, 'dist', 'index.html'), 'utf8')).toContain('Outbound traffic cut');
    // back to the text the cache knows: its site pages would match, but dist/ is not the one it describes
    edit(post, () => text);
    const next = await buildSite({ root });
    expect(next.stats.incremental).toBe(false);
    expect(tree(path.join(root, 'dist'))).toEqual(before);
  });

  it('a config change makes a full build', async () => {
    await buildSite({ root });
    writeFileSync(path.join(root, 'pm.config.yaml'), 'title: Other title\n');
    const r = await buildSite({ root });
    expect(r.stats).toMatchObject({ incremental: false, rendered: 2 });
    expect(readFileSync(path.join(root, 'dist', 'index.html'), 'utf8')).toContain('Other title');
  });

  it('an incremental build that fails leaves dist/ as it was', async () => {
    await buildSite({ root });
    const before = tree(path.join(root, 'dist'));
    edit(path.join(root, 'posts', '2020-09-02-outbound.md'), (t) => t.replace('date: 2020-09-02', 'date: someday'));
    const r = await buildSite({ root });
    expect(r.written).toBe(false);
    expect(tree(path.join(root, 'dist'))).toEqual(before);
    expect(readdirSync(root).filter((n) => n.includes('pm-staging') || n.includes('pm-journal'))).toEqual([]);
  });

  it('a rebuild that needs no summaries still reports every incident, and one that needs them survives a damaged cache', async () => {
    const first = await buildSite({ root });
    const again = await buildSite({ root });
    expect(again.stats.rendered).toBe(0);
    expect(again.incidents.map((i) => i.slug)).toEqual(first.incidents.map((i) => i.slug));

    // summaries.json garbled: an edit that changes a summary renders the others' summaries again
    writeFileSync(path.join(root, '.pm-cache', 'summaries.json'), '{"posts/2017-01-07-bundle/index.md": 1');
    edit(path.join(root, 'posts', '2020-09-02-outbound.md'), (t) => t.replace('Outbound traffic blocked', 'Outbound traffic cut'));
    const incr = await buildSite({ root });
    expect(incr.stats.incremental).toBe(true);
    await buildSite({ root, cache: false, out: path.join(root, 'fresh') });
    expect(tree(path.join(root, 'dist'))).toEqual(tree(path.join(root, 'fresh')));

    // no summaries.json at all: the index alone is not a cache
    rmSync(path.join(root, '.pm-cache', 'summaries.json'));
    expect((await buildSite({ root })).stats.incremental).toBe(false);
  });
});
