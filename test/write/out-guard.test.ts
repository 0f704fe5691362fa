/**
 * The output folder is pm's or it is refused: each attacker's `--out` and `out:`,
 * against a real site beside folders and files of the user's.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { buildSite } from '../../src/build/build.js';
import { OutputError, STAMP } from '../../src/write/out-guard.js';
import { writeSite } from '../../src/write/staging.js';
import { captureIO, tempDir } from '../cli/helpers.js';
import { treeHashes } from '../build/cli-helpers.js';

const fixture = path.join(import.meta.dirname, '..', 'fixtures', 'site-basic');

let base: string;
let root: string;
beforeEach(() => {
  base = tempDir('pm-out-');
  root = path.join(base, 'site');
  cpSync(fixture, root, { recursive: true });
  writeFileSync(path.join(root, 'notes.txt'), 'my notes\n');
  mkdirSync(path.join(base, 'sibling'));
  writeFileSync(path.join(base, 'sibling', 'thesis.tex'), 'years of work\n');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

async function pm(...args: string[]): Promise<{ code: number; err: string }> {
  const io = captureIO();
  const code = await main(['build', '--root', root, ...args], io);
  return { code, err: io.stderrText };
}

/** Everything of the user's, to compare after an attempt. */
const everything = (): Record<string, string> => treeHashes(base);

describe('--out on the command line', () => {
  it.each([
    ['.', /is the site root/],
    ['posts', /site's posts/],
    ['posts/2017-01-07-bundle', /inside the site's posts/],
    ['themes', /site's themes/],
    ['..', /holds the site root/],
    ['notes.txt', /is a file/],
    ['../sibling', /not empty and pm did not write it/],
  ])('--out %s is refused with exit 2, a reason and what to do, and nothing changes', async (out, why) => {
    const before = everything();
    const r = await pm('--out', path.join(root, out));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(why);
    expect(r.err).toMatch(/--out/);
    expect(everything()).toEqual(before);
  });

  it("--out may name a new folder anywhere (the user's own choice); pm stamps it and replaces it next time", async () => {
    const out = path.join(base, 'elsewhere', 'site-out');
    expect((await pm('--out', out)).code).toBe(0);
    expect(readdirSync(out)).toContain(STAMP);
    writeFileSync(path.join(out, 'stray.html'), 'left from before');
    writeFileSync(path.join(root, 'pm.config.yaml'), 'title: Renamed\n');
    expect((await pm('--out', out)).code).toBe(0);
    expect(existsSync(path.join(out, 'stray.html'))).toBe(false); // replaced whole: it is pm's
  });

  it('an empty folder is taken; a pm-stamped one is replaced', async () => {
    const empty = path.join(base, 'empty');
    mkdirSync(empty);
    expect((await pm('--out', empty)).code).toBe(0);
    expect(existsSync(path.join(empty, 'index.html'))).toBe(true);
    const stamped = path.join(base, 'stamped');
    mkdirSync(stamped);
    writeFileSync(path.join(stamped, STAMP), '');
    writeFileSync(path.join(stamped, 'old.html'), 'an earlier build');
    expect((await pm('--out', stamped)).code).toBe(0);
    expect(existsSync(path.join(stamped, 'old.html'))).toBe(false);
    expect(existsSync(path.join(stamped, 'index.html'))).toBe(true);
  });
});

describe('out: in the config (site content)', () => {
  it.each(['.', '..', '../sibling', '/tmp/pm-out-elsewhere', 'posts/../..'])(
    'out: %s is an error at its line and column, and nothing is written',
    async (out) => {
      writeFileSync(path.join(root, 'pm.config.yaml'), `title: Mine\nout: ${out}\n`);
      const before = everything();
      const r = await pm();
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/pm\.config\.yaml:2:\d+: error: config\/value: out: expected a folder inside the site/);
      expect(everything()).toEqual(before);
      expect(existsSync('/tmp/pm-out-elsewhere')).toBe(false);
    },
  );

  it('out: posts is refused (exit 2) and every post is still there', async () => {
    writeFileSync(path.join(root, 'pm.config.yaml'), 'out: posts\n');
    const before = everything();
    const r = await pm();
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/site's posts/);
    expect(everything()).toEqual(before);
  });

  it('out: through a symlink that leaves the site is refused', async () => {
    symlinkSync(path.join(base, 'sibling'), path.join(root, 'public'));
    writeFileSync(path.join(root, 'pm.config.yaml'), 'out: public/site\n');
    const before = everything();
    const r = await pm();
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/outside the site/);
    expect(everything()).toEqual(before);
  });

  it('a config object handed to buildSite is held to the same rule', async () => {
    await expect(buildSite({ root, config: { out: '../sibling' } })).rejects.toThrow(OutputError);
    expect(readFileSync(path.join(base, 'sibling', 'thesis.tex'), 'utf8')).toBe('years of work\n');
  });

  it('out: build inside the site works', async () => {
    writeFileSync(path.join(root, 'pm.config.yaml'), 'out: build/site\n');
    expect((await pm()).code).toBe(0);
    expect(existsSync(path.join(root, 'build', 'site', 'index.html'))).toBe(true);
  });
});

describe('writeSite (library)', () => {
  it('refuses a folder pm did not write and a file', async () => {
    const pages = [{ path: 'index.html', contents: 'x' }];
    await expect(writeSite(pages, path.join(base, 'sibling'))).rejects.toThrow(/not empty and pm did not write it/);
    await expect(writeSite(pages, path.join(root, 'notes.txt'))).rejects.toThrow(/is a file/);
    expect(readFileSync(path.join(base, 'sibling', 'thesis.tex'), 'utf8')).toBe('years of work\n');
    await writeSite(pages, path.join(base, 'new'));
    await writeSite(pages, path.join(base, 'new'));
    expect(readdirSync(path.join(base, 'new')).sort()).toEqual([STAMP, 'index.html']);
  });
});

describe('an output path through a file', () => {
  it('is an error naming the path (exit 2), not an internal error', async () => {
    const before = everything();
    const r = await pm('--out', path.join(root, 'notes.txt', 'site'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/notes\.txt.*a part of the path is a file/);
    expect(everything()).toEqual(before);
  });
});
