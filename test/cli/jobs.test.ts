import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { CLI, ensureCompiled, treeHashes } from '../build/cli-helpers.js';
import { captureIO, tempDir } from './helpers.js';

const fixture = path.join(import.meta.dirname, '..', 'fixtures', 'site-basic');

describe('--jobs and PM_JOBS', () => {
  let root: string;
  beforeAll(() => {
    root = tempDir('pm-jobs-');
    cpSync(fixture, root, { recursive: true });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const run = async (flags: string[], env: Record<string, string> = {}) => {
    const io = captureIO();
    io.env = env;
    const code = await main(['build', '--root', root, '--out', path.join(root, 'dist'), ...flags], io);
    return { code, err: io.stderrText };
  };

  it.each([['0'], ['-3'], ['two'], ['1.5'], ['']])('--jobs %j is a usage error (exit 2) saying what is accepted', async (value) => {
    const { code, err } = await run([`--jobs=${value}`]);
    expect(code).toBe(2);
    expect(err).toContain(`--jobs must be a whole number of worker processes, 1 or more (not "${value}")`);
  });

  it('PM_JOBS is checked the same way, and --jobs wins over it', async () => {
    const bad = await run([], { PM_JOBS: 'all' });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('PM_JOBS must be a whole number');
    expect((await run(['--jobs', '1'], { PM_JOBS: 'all' })).code).toBe(0);
    expect((await run([], { PM_JOBS: '3' })).code).toBe(0);
  });

  it('--help documents it', async () => {
    const io = captureIO();
    await main(['build', '--help'], io);
    expect(io.stdout + io.stderrText).toMatch(/--jobs N\s+worker processes \(default: one per core; env PM_JOBS\)/);
  });
});

describe('the installed pm on a site large enough for workers', () => {
  it('writes the same bytes with one process, three workers and the default (one per core)', () => {
    ensureCompiled();
    const root = tempDir('pm-jobs-big-');
    try {
      mkdirSync(path.join(root, 'posts'));
      for (let i = 0; i < 60; i++) {
        const day = String((i % 28) + 1).padStart(2, '0');
        writeFileSync(
          path.join(root, 'posts', `2023-02-${day}-outage-${i}.md`),
          `---\ntitle: Outage ${i}\ndate: 2023-02-${day}\ntags: [db]\n---\n\n## Timeline\n\n- 10:0${i % 10} [T0] Alerts fire\n- 11:15 [resolved] Fixed\n`,
        );
      }
      const hashes = (flags: string[], env: Record<string, string> = {}): Record<string, string> => {
        const out = path.join(root, 'dist');
        execFileSync(process.execPath, [CLI, 'build', '--root', root, '--out', out, ...flags], { env: { ...process.env, ...env } });
        rmSync(path.join(root, '.pm-cache'), { recursive: true, force: true });
        return treeHashes(out);
      };
      const one = hashes(['--jobs', '1']);
      expect(Object.keys(one).length).toBeGreaterThan(120);
      expect(hashes([], { PM_JOBS: '3' })).toEqual(one);
      expect(hashes([])).toEqual(one);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
