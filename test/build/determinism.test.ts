import { spawnSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../cli/helpers.js';
import { CLI, ensureCompiled, REPO, treeHashes } from './cli-helpers.js';

let work: string;
beforeAll(() => {
  ensureCompiled();
  work = tempDir('pm-determinism-');
  // Shifts the process clock: Date.now() and new Date() run an hour (or more) ahead.
  writeFileSync(
    path.join(work, 'clock.mjs'),
    `const shift = Number(process.env.PM_CLOCK_SHIFT_MS || 0);
const RealDate = Date;
class ShiftedDate extends RealDate {
  constructor(...args) { if (args.length === 0) super(RealDate.now() + shift); else super(...args); }
  static now() { return RealDate.now() + shift; }
}
globalThis.Date = ShiftedDate;
`,
  );
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(name: string, env: Record<string, string>): Record<string, string> {
  const root = path.join(work, name);
  cpSync(path.join(REPO, 'posts'), path.join(root, 'posts'), { recursive: true });
  const r = spawnSync(process.execPath, [CLI, 'build', '--root', root, '--out', path.join(root, 'dist'), '--quiet'], {
    env: { PATH: process.env['PATH'] ?? '', NODE_OPTIONS: `--import ${path.join(work, 'clock.mjs')}`, ...env },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return treeHashes(path.join(root, 'dist'));
}

describe('deterministic output', () => {
  it('two builds in different zones, locales and an hour apart give byte-identical dist/', () => {
    const a = build('a', { TZ: 'UTC', LANG: 'C', LC_ALL: 'C', PM_CLOCK_SHIFT_MS: '0' });
    const b = build('b', { TZ: 'Asia/Kolkata', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8', PM_CLOCK_SHIFT_MS: String(3_600_000) });
    expect(Object.keys(a).length).toBeGreaterThan(40);
    expect(b).toEqual(a);
  });

  it('the shifted clock is really in effect in the child (the comparison above could not pass by accident)', () => {
    const probe = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(Date.now()))'], {
      env: { PATH: process.env['PATH'] ?? '', NODE_OPTIONS: `--import ${path.join(work, 'clock.mjs')}`, PM_CLOCK_SHIFT_MS: String(3_600_000) },
      encoding: 'utf8',
    });
    expect(Number(probe.stdout) - Date.now()).toBeGreaterThan(3_500_000);
  });
});
