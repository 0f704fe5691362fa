/**
 * A file of the site that cannot be read is that file's fatal diagnostic — `file:0:0: error:
 * site/unreadable: …` with what to do — never an internal error (exit 70): `pm build` and
 * `pm check` exit 1 and go on with the other posts, `pm serve` shows it and serves. Sites made
 * as a careless user or an attacker would: a dangling link in posts/, a link loop, a post with
 * mode 000, a bundle folder or the posts folder that cannot be listed, a log source that is a
 * folder. Permissions do not stop root: the mode-000 cases are skipped when the tests run as
 * root (as CI does), the others run everywhere.
 */
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureCompiled } from '../build/cli-helpers.js';
import { tempDir } from '../cli/helpers.js';
import { pm, serveOnce } from './pm-run.js';

const asRoot = process.getuid?.() === 0;
const POST = (title: string, day: string): string =>
  `---\ntitle: ${title}\ndate: ${day}\n---\n\n## Summary\n\nS.\n\n## Impact\n\nI.\n\n## Timeline\n\n- 10:00 it began\n\n## Root cause\n\nR.\n\n## Action items\n\n- [ ] ~ops: fix it\n`;

let site = '';
const at = (...p: string[]): string => path.join(site, ...p);

beforeAll(() => ensureCompiled());
beforeEach(() => {
  site = tempDir('pm-unreadable-');
  mkdirSync(at('posts'));
  writeFileSync(at('posts', '2024-01-01-fine.md'), POST('Fine', '2024-01-01'));
});
afterEach(() => {
  // A folder without permission cannot be emptied by its owner: give it back first.
  for (const p of [at('posts'), at('posts', '2024-01-05-bundle')]) {
    try {
      chmodSync(p, 0o755);
    } catch {
      // not made by this test
    }
  }
  rmSync(site, { recursive: true, force: true });
});

interface Case {
  name: string;
  root: boolean;
  plant(): void;
  /** The diagnostic line, exactly. */
  line: string;
  /** Undo the problem: the site then builds (the problem was that file alone). */
  fix(): void;
}

const cases: Case[] = [
  {
    name: 'a dangling link in posts/',
    root: true,
    plant: () => symlinkSync('2024-01-02-deleted.md', at('posts', '2024-01-02-gone.md')),
    line: 'posts/2024-01-02-gone.md:0:0: error: site/unreadable: this post cannot be read (a link to nothing, or removed while pm ran, ENOENT); fix the link or remove it',
    fix: () => rmSync(at('posts', '2024-01-02-gone.md')),
  },
  {
    name: 'a post that is a link to itself',
    root: true,
    plant: () => symlinkSync('2024-01-03-loop.md', at('posts', '2024-01-03-loop.md')),
    line: 'posts/2024-01-03-loop.md:0:0: error: site/unreadable: this post cannot be read (a loop of symbolic links, ELOOP); fix the link or remove it',
    fix: () => rmSync(at('posts', '2024-01-03-loop.md')),
  },
  {
    name: 'a post with mode 000',
    root: false,
    plant: () => {
      writeFileSync(at('posts', '2024-01-04-locked.md'), POST('Locked', '2024-01-04'));
      chmodSync(at('posts', '2024-01-04-locked.md'), 0o000);
    },
    line: 'posts/2024-01-04-locked.md:0:0: error: site/unreadable: this post cannot be read (no read permission, EACCES); make it readable (chmod a+r) or remove it',
    fix: () => chmodSync(at('posts', '2024-01-04-locked.md'), 0o644),
  },
  {
    name: 'a bundle folder that cannot be listed',
    root: false,
    plant: () => {
      mkdirSync(at('posts', '2024-01-05-bundle'));
      writeFileSync(at('posts', '2024-01-05-bundle', 'index.md'), POST('Bundle', '2024-01-05'));
      chmodSync(at('posts', '2024-01-05-bundle'), 0o000);
    },
    line: 'posts/2024-01-05-bundle:0:0: error: site/unreadable: this bundle folder cannot be read (it cannot be listed: no permission, EACCES); make it readable (chmod a+rx) or remove it',
    fix: () => chmodSync(at('posts', '2024-01-05-bundle'), 0o755),
  },
  {
    name: 'a log source that is a folder',
    root: true,
    plant: () => {
      mkdirSync(at('posts', 'logs'));
      writeFileSync(at('posts', 'logs', 'app.log'), '2024-01-06T10:01:00Z deploy started\n');
      writeFileSync(at('posts', '2024-01-06-logs.md'), POST('Logs', '2024-01-06').replace('---\n\n', 'sources:\n  - logs\n---\n\n'));
    },
    line: 'posts/logs:0:0: error: source/unreadable: source "logs" is a folder, not a log file: name a log file in it (a folder is read only as a Slack export)',
    fix: () => writeFileSync(at('posts', '2024-01-06-logs.md'), POST('Logs', '2024-01-06').replace('---\n\n', 'sources:\n  - logs/app.log\n---\n\n')),
  },
];

const noInternalError = (out: string): void => {
  expect(out).not.toContain('internal error');
  expect(out).not.toMatch(/\n\s+at /);
};

describe.each(cases)('$name', (c) => {
  it.skipIf(asRoot && !c.root)(
    'pm build and pm check: exit 1 with the diagnostic; fixed, the site builds',
    async () => {
      c.plant();
      const build = await pm(['build'], site);
      noInternalError(build.out);
      expect(build.out.split('\n')).toContain(c.line);
      expect(build.out).toContain('dist left unchanged');
      expect(build.code).toBe(1);

      const check = await pm(['check'], site);
      noInternalError(check.out);
      expect(check.out.split('\n')).toContain(c.line);
      expect(check.out.split('\n').filter((l) => l.includes(': error: '))).toEqual([c.line]);
      expect(check.code).toBe(1);

      c.fix();
      const fixed = await pm(['build'], site);
      expect(fixed.out).not.toContain(': error: ');
      expect(fixed.code).toBe(0);
    },
    120_000,
  );

  it.skipIf(asRoot && !c.root)(
    'pm serve: prints it, shows it in the page and serves the rest',
    async () => {
      c.plant();
      const served = await serveOnce(site);
      noInternalError(served.out);
      expect(served.out.split('\n')).toContain(c.line);
      expect(served.page).toContain('Fine');
      const [file] = c.line.split(':');
      expect(served.page).toContain(`${file}:0:0`);
      expect(served.code).toBe(0);
    },
    120_000,
  );
});

describe.skipIf(asRoot)('a posts folder that cannot be listed (skipped as root)', () => {
  it('is one error naming the folder, with exit 1 for build and check', async () => {
    chmodSync(at('posts'), 0o000);
    const line =
      'posts:0:0: error: site/unreadable: the posts folder cannot be read (it cannot be listed: no permission, EACCES); make it readable (chmod a+rx) or remove it';
    for (const command of ['build', 'check']) {
      const r = await pm([command], site);
      noInternalError(r.out);
      expect(r.out.split('\n')).toContain(line);
      expect(r.code).toBe(1);
    }
  }, 120_000);
});
