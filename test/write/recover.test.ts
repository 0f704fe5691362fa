/**
 * What a killed build leaves beside dist/, and what an attacker's site plants there under
 * the same names: a journal, staging and retired folders. A temporary folder plays the
 * user's home, with an SSH key and work in it.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { STAMP } from '../../src/write/out-guard.js';
import { recoverOutput } from '../../src/write/recover.js';
import { captureIO, tempDir } from '../cli/helpers.js';
import { treeHashes } from '../build/cli-helpers.js';

const fixture = path.join(import.meta.dirname, '..', 'fixtures', 'site-basic');
const KEY = '-----BEGIN OPENSSH PRIVATE KEY----- not really\n';

let base: string;
let root: string;
let home: string;
beforeEach(() => {
  base = tempDir('pm-recover-');
  root = path.join(base, 'site');
  home = path.join(base, 'home');
  cpSync(fixture, root, { recursive: true });
  mkdirSync(path.join(home, '.ssh'), { recursive: true });
  writeFileSync(path.join(home, '.ssh', 'id_ed25519'), KEY);
  mkdirSync(path.join(home, 'work'));
  writeFileSync(path.join(home, 'work', 'plan.md'), 'the plan\n');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

async function build(): Promise<{ code: number; err: string }> {
  const io = captureIO();
  const code = await main(['build', '--root', root], io);
  return { code, err: io.stderrText };
}

/** True when any file under dist/ holds the key. */
function published(): boolean {
  const dist = path.join(root, 'dist');
  return Object.keys(treeHashes(dist)).some((f) => readFileSync(path.join(dist, f), 'utf8').includes('OPENSSH'));
}

describe('a planted journal, staging or retired folder', () => {
  it('a journal that deletes the home folder and publishes ~/.ssh is never applied', async () => {
    const homeBefore = treeHashes(home);
    writeFileSync(
      path.join(root, 'dist.pm-journal.json'),
      JSON.stringify({
        staging: home,
        moves: ['.ssh/id_ed25519', '../home/.ssh/id_ed25519', `${path.relative(path.join(root, 'dist'), home)}/.ssh/id_ed25519`],
        deletes: ['../../home/work/plan.md', '../home', `${home}/work/plan.md`],
      }),
    );
    const r = await build();
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/dist\.pm-journal\.json: a build journal pm does not use: ignored/);
    expect(treeHashes(home)).toEqual(homeBefore);
    expect(published()).toBe(false);
  });

  it('a journal whose staging folder is a pm name but a link to the home folder is never applied', async () => {
    symlinkSync(home, path.join(root, 'dist.pm-staging-4000000'));
    writeFileSync(
      path.join(root, 'dist.pm-journal.json'),
      JSON.stringify({ staging: path.join(root, 'dist.pm-staging-4000000'), moves: ['.ssh/id_ed25519'], deletes: [] }),
    );
    const homeBefore = treeHashes(home);
    const r = await build();
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/dist\.pm-staging-4000000: not a folder pm made: ignored/);
    expect(treeHashes(home)).toEqual(homeBefore);
    expect(published()).toBe(false);
  });

  it('a retired folder that is a link to the home folder, or a folder pm did not write, is not made dist/', async () => {
    symlinkSync(home, path.join(root, 'dist.pm-retired-4000001'));
    mkdirSync(path.join(root, 'dist.pm-retired-4000002'));
    writeFileSync(path.join(root, 'dist.pm-retired-4000002', 'index.html'), '<script>planted</script>');
    const homeBefore = treeHashes(home);
    const r = await build();
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/dist\.pm-retired-4000001: not a folder pm wrote: ignored/);
    expect(r.err).toMatch(/dist\.pm-retired-4000002: not a folder pm wrote: ignored/);
    expect(treeHashes(home)).toEqual(homeBefore);
    expect(readFileSync(path.join(root, 'dist', 'index.html'), 'utf8')).not.toContain('planted');
  });
});

describe('what a killed build leaves', () => {
  it('an interrupted swap (dist/ moved away, the new one not yet in place) is undone', () => {
    const out = path.join(root, 'dist');
    const retired = path.join(root, 'dist.pm-retired-4000003');
    mkdirSync(retired);
    writeFileSync(path.join(retired, 'index.html'), 'previous');
    writeFileSync(path.join(retired, STAMP), '');
    expect(recoverOutput(out)).toEqual([]);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('previous');
    expect(existsSync(retired)).toBe(false);
  });

  it("a dead build's staging folder goes; a live one (this process) stays", () => {
    const out = path.join(root, 'dist');
    mkdirSync(path.join(root, 'dist.pm-staging-4000004', 'incidents'), { recursive: true });
    mkdirSync(path.join(root, `dist.pm-staging-${process.pid}`));
    expect(recoverOutput(out)).toEqual([]);
    expect(readdirSync(root).filter((n) => n.includes('.pm-staging-'))).toEqual([`dist.pm-staging-${process.pid}`]);
  });
});
