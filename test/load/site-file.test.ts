/**
 * `pm.config.yaml` is site content, read only when it is a regular file inside the site: a
 * named pipe in its place (which would hang the build), a folder, a link to a file elsewhere
 * (whose text must not be read) or a file without read permission is a diagnostic of
 * pm.config.yaml with exit 1 from `pm build` and `pm check`, never an internal error.
 * The mode-000 case is skipped as root (as in CI), where permissions do not stop reading.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureCompiled } from '../build/cli-helpers.js';
import { tempDir } from '../cli/helpers.js';
import { pm } from './pm-run.js';

const asRoot = process.getuid?.() === 0;
let top = '';
let site = '';

beforeAll(() => ensureCompiled());
beforeEach(() => {
  top = tempDir('pm-site-file-');
  site = path.join(top, 'site');
  mkdirSync(path.join(site, 'posts'), { recursive: true });
  writeFileSync(path.join(site, 'posts', '2024-02-01-db.md'), '---\ntitle: Database down\ndate: 2024-02-01\n---\n\n## Timeline\n\n- 10:00 alerts fired\n');
  // A YAML file elsewhere: if pm read it through a link, its title would reach the site.
  writeFileSync(path.join(top, 'secret.yaml'), 'title: SECRET-TITLE-5c2e\nbase_url: https://attacker.example\n');
});
afterEach(() => rmSync(top, { recursive: true, force: true }));

const CASES = [
  {
    name: 'a named pipe',
    root: true,
    plant: (file: string) => execFileSync('mkfifo', [file]),
    line: 'pm.config.yaml:0:0: error: site/unreadable: the config file is a named pipe, not a file: it is not read; remove it',
  },
  {
    name: 'a folder',
    root: true,
    plant: (file: string) => mkdirSync(file),
    line: 'pm.config.yaml:0:0: error: site/unreadable: the config file cannot be read (a folder, not a file, EISDIR); put a file in its place',
  },
  {
    name: 'a link to a file outside the site',
    root: true,
    plant: (file: string) => symlinkSync(path.join(top, 'secret.yaml'), file),
    line: 'pm.config.yaml:0:0: error: site/outside: the config file is outside the site folder once links are followed: it is not read; copy it into the site',
  },
  {
    name: 'a file with mode 000',
    root: false,
    plant: (file: string) => {
      writeFileSync(file, 'title: Ours\n');
      chmodSync(file, 0o000);
    },
    line: 'pm.config.yaml:0:0: error: site/unreadable: the config file cannot be read (no read permission, EACCES); make it readable (chmod a+r) or remove it',
  },
];

describe.each(CASES)('pm.config.yaml that is $name', (c) => {
  it.skipIf(asRoot && !c.root)(
    'is an error of pm.config.yaml: exit 1, never read, never an internal error',
    async () => {
      c.plant(path.join(site, 'pm.config.yaml'));
      for (const command of ['build', 'check']) {
        const r = await pm([command], site);
        expect(r.out).not.toContain('internal error');
        expect(r.out).not.toContain('SECRET-TITLE-5c2e');
        expect(r.out.split('\n')).toContain(c.line);
        expect(r.code, `pm ${command}`).toBe(1);
      }
    },
    120_000,
  );
});
