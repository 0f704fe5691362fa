/**
 * The kept generation (src/write/kept.ts): incremental builds finish from the output pm
 * kept beside dist/ instead of linking every file again — and a kept folder or note that
 * is not exactly what pm left (planted, forged, damaged, a link inside) is never used.
 * Builds here are the staging API's own calls, as disk-build.ts makes them.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitStaging, createStaging, DirSink, linkUnchanged } from '../../src/write/staging.js';
import { STAMP } from '../../src/write/out-guard.js';
import { tempDir } from '../cli/helpers.js';
import { treeHashes } from '../build/cli-helpers.js';

let base: string;
let out: string;
let home: string;
const kept = (): string => `${out}.pm-kept`;
const note = (): string => `${out}.pm-kept.json`;
beforeEach(() => {
  base = tempDir('pm-kept-');
  out = path.join(base, 'site', 'dist');
  home = path.join(base, 'home');
  mkdirSync(path.join(home, '.ssh'), { recursive: true });
  writeFileSync(path.join(home, '.ssh', 'id_ed25519'), 'PRIVATE KEY\n');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

type Site = Record<string, string>;

/** A full build: every page written, then swapped in. */
function full(site: Site): void {
  const { staging } = createStaging(out);
  new DirSink(staging).put(Object.entries(site).map(([p, contents]) => ({ path: p, contents })));
  commitStaging(staging, out);
}

/** An incremental build from `before` to `site`: writes what differs, links the rest; true when it finished from the kept folder. */
function incremental(before: Site, site: Site): boolean {
  let keptIno: bigint | null = null;
  try {
    keptIno = lstatSync(kept(), { bigint: true }).ino;
  } catch {
    // none kept
  }
  const { staging } = createStaging(out);
  new DirSink(staging).put(
    Object.entries(site)
      .filter(([p, c]) => before[p] !== c)
      .map(([p, contents]) => ({ path: p, contents })),
  );
  expect(linkUnchanged(out, staging, Object.keys(site))).toBe(true);
  commitStaging(staging, out);
  return keptIno !== null && lstatSync(out, { bigint: true }).ino === keptIno;
}

/** What dist/ holds, as a user reads it (pm's stamp aside). */
function contents(dir: string): Site {
  const hashes = treeHashes(dir);
  const site: Site = {};
  for (const p of Object.keys(hashes)) if (p !== STAMP) site[p] = readFileSync(path.join(dir, p), 'utf8');
  return site;
}

/** mulberry32 */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const start: Site = {
  'index.html': 'home v1',
  'feed.xml': 'feed v1',
  'incidents/a/index.html': 'a v1',
  'incidents/a/timeline.json': '{"a":1}',
  'incidents/b/index.html': 'b v1',
  'tags/db/index.html': 'db v1',
  'images/graph.png': 'png',
};

describe('the kept generation', () => {
  it('a run of edits, additions and removals: each build finishes from the kept folder and dist/ is exactly the site', () => {
    const rnd = random(42);
    let site = { ...start };
    full(site);
    expect(contents(kept())).toEqual(site); // a full build links the next build's head start
    for (let gen = 2; gen <= 12; gen++) {
      const next = { ...site };
      const names = Object.keys(next);
      for (const p of names) {
        const r = rnd();
        if (r < 0.15) next[p] = `${p} v${gen}`;
        else if (r < 0.22 && names.length > 3) delete next[p];
      }
      for (let i = 0; i < 3; i++) if (rnd() < 0.5) next[`incidents/n${gen}-${i}/index.html`] = `new ${gen}.${i}`;
      expect(incremental(site, next), `build ${gen}`).toBe(true);
      expect(contents(out), `build ${gen}`).toEqual(next);
      site = next;
    }
    expect(readdirSync(path.dirname(out)).sort()).toEqual(['dist', 'dist.pm-kept', 'dist.pm-kept.json']);
  });

  it('a folder left empty by a removal is gone, as in a clean build', () => {
    full(start);
    const { 'tags/db/index.html': _gone, ...next } = start;
    expect(incremental(start, next)).toBe(true);
    expect(readdirSync(out)).not.toContain('tags');
    const again = { ...next, 'index.html': 'home v3' };
    expect(incremental(next, again)).toBe(true); // the kept folder, one build behind, loses it too
    expect(contents(out)).toEqual(again);
    expect(readdirSync(kept())).not.toContain('tags');
  });

  it('a page written after linkUnchanged counts as changed: the next build does not bring its old bytes back', () => {
    full(start);
    const second = { ...start, 'index.html': 'home v2' };
    const { staging } = createStaging(out);
    expect(linkUnchanged(out, staging, Object.keys(second))).toBe(true);
    new DirSink(staging).put([{ path: 'index.html', contents: 'home v2' }]);
    commitStaging(staging, out);
    expect(contents(out)).toEqual(second);
    const third = { ...second, 'feed.xml': 'feed v3' };
    expect(incremental(second, third)).toBe(true);
    expect(contents(out)).toEqual(third);
  });

  it('a build that writes nothing to keep (writeSite) leaves nothing beside dist/', async () => {
    full(start);
    const { writeSite } = await import('../../src/write/staging.js');
    await writeSite([{ path: 'index.html', contents: 'x' }], out);
    expect(readdirSync(path.dirname(out))).toEqual(['dist']);
  });
});

describe('a kept folder or note pm cannot vouch for is never used', () => {
  const edit = (): Site => ({ ...start, 'incidents/a/index.html': 'a v2', 'incidents/c/index.html': 'c v1' });

  it("a planted kept folder and note (no dist/ of pm's): ignored, the build is right", () => {
    full(start);
    rmSync(note());
    rmSync(kept(), { recursive: true });
    mkdirSync(path.join(kept(), 'incidents', 'a'), { recursive: true });
    writeFileSync(path.join(kept(), 'index.html'), '<script>planted</script>');
    writeFileSync(path.join(kept(), STAMP), '');
    writeFileSync(note(), `${'0'.repeat(64)}\n${JSON.stringify({ out: 'x', kept: 'y', paths: ['index.html'], stale: [] })}`);
    expect(incremental(start, edit())).toBe(false);
    expect(contents(out)).toEqual(edit());
  });

  it('even a sealed note cannot name a path outside: `..` in it stops the build from using the kept folder', async () => {
    const { readManifest, writeManifest } = await import('../../src/write/kept-manifest.js');
    full(start);
    writeFileSync(path.join(home, 'plan.md'), 'the plan');
    const sealed = readManifest(out)!;
    rmSync(note());
    const climb = path.relative(kept(), path.join(home, 'plan.md')).split(path.sep).join('/');
    expect(writeManifest(out, { ...sealed, stale: [climb] })).toBe(true);
    expect(incremental(start, edit())).toBe(false);
    expect(readFileSync(path.join(home, 'plan.md'), 'utf8')).toBe('the plan');
    expect(contents(out)).toEqual(edit());
  });

  it('a note changed by one byte: ignored', () => {
    full(start);
    const text = readFileSync(note(), 'utf8');
    expect(text).toContain('feed.xml');
    writeFileSync(note(), text.replace('feed.xml', 'feed.xmm'));
    expect(incremental(start, edit())).toBe(false);
    expect(contents(out)).toEqual(edit());
  });

  it('a note of another output (a kept folder put back from elsewhere): ignored', () => {
    full(start);
    incremental(start, { ...start, 'index.html': 'home v2' }); // dist/ is a new folder now
    const old = readFileSync(note(), 'utf8');
    full(start); // a full build replaces dist/ and the kept folder
    writeFileSync(note(), old);
    expect(incremental(start, edit())).toBe(false);
    expect(contents(out)).toEqual(edit());
  });

  it('a folder inside the kept one replaced by a link to the home folder: nothing is written or deleted there', () => {
    full(start);
    rmSync(path.join(kept(), 'incidents'), { recursive: true });
    symlinkSync(home, path.join(kept(), 'incidents'));
    const before = treeHashes(home);
    expect(incremental(start, edit())).toBe(false);
    expect(contents(out)).toEqual(edit());
    expect(treeHashes(home)).toEqual(before);
    expect(lstatSync(path.join(out, 'incidents')).isDirectory()).toBe(true);
  });

  it('a file the last build changed, replaced in the kept folder by a link to a secret: not published', () => {
    full(start);
    const second = { ...start, 'feed.xml': 'feed v2' };
    expect(incremental(start, second)).toBe(true);
    // the kept folder is the first output; feed.xml is one the last build changed
    rmSync(path.join(kept(), 'feed.xml'));
    symlinkSync(path.join(home, '.ssh', 'id_ed25519'), path.join(kept(), 'feed.xml'));
    const third = { ...second, 'index.html': 'home v3' };
    expect(incremental(second, third)).toBe(false);
    expect(contents(out)).toEqual(third);
    expect(lstatSync(path.join(out, 'feed.xml')).isFile()).toBe(true);
  });

  it('a kept folder name that is a link: left alone with a warning, never followed', () => {
    full(start);
    rmSync(note());
    rmSync(kept(), { recursive: true });
    symlinkSync(home, kept());
    const before = treeHashes(home);
    const { staging, warnings } = createStaging(out);
    expect(warnings).toEqual([`${kept()}: not a folder pm wrote: ignored`]);
    new DirSink(staging).put([{ path: 'incidents/a/index.html', contents: 'a v2' }]);
    expect(linkUnchanged(out, staging, Object.keys(start))).toBe(true);
    commitStaging(staging, out);
    expect(contents(out)).toEqual({ ...start, 'incidents/a/index.html': 'a v2' });
    expect(treeHashes(home)).toEqual(before);
    expect(lstatSync(kept()).isSymbolicLink()).toBe(true);
  });

  it('the output lacks a file the list needs: linkUnchanged says so (the caller builds in full)', () => {
    full(start);
    const { staging } = createStaging(out);
    expect(linkUnchanged(out, staging, [...Object.keys(start), 'incidents/zzz/index.html'])).toBe(false);
    rmSync(staging, { recursive: true, force: true });
  });
});
