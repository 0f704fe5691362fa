import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../cli/helpers.js';
import { CLI, ensureCompiled, treeHashes } from '../build/cli-helpers.js';

let root: string;
const out = (): string => path.join(root, 'dist');

/** A real site, large enough that a build takes a while: the kill must land mid-build. */
function writeSite(n: number, variant: string): void {
  mkdirSync(path.join(root, 'posts'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const lines = Array.from(
      { length: 25 },
      (_, k) =>
        `- 2024-02-${day} ${String(k % 24).padStart(2, '0')}:${String((k * 7) % 60).padStart(2, '0')} step ${k} of incident ${i} on **host-${k}** (${variant})`,
    );
    writeFileSync(
      path.join(root, 'posts', `2024-02-${day}-incident-${i}.md`),
      `---\ntitle: Incident ${i} ${variant}\ndate: 2024-02-${day}\ntags: [t${i % 7}, load]\n---\n\n## Summary\n\nSomething broke (${variant}).\n\n## Timeline\n\n${lines.join('\n')}\n\n## Root cause\n\n${'A long paragraph about causes. '.repeat(40)}\n`,
    );
  }
}

function build(extra: string[] = []): ReturnType<typeof spawnSync> {
  return spawnSync(process.execPath, [CLI, 'build', '--root', root, '--out', out(), '--quiet', ...extra], { encoding: 'utf8' });
}

beforeAll(() => {
  ensureCompiled();
  root = tempDir('pm-atomic-');
  writeSite(300, 'first');
  expect(build().status).toBe(0);
}, 120_000); // a cold 300-incident build through the full GFM pipeline, on a shared 2-core machine
afterAll(() => rmSync(root, { recursive: true, force: true }));

const leftovers = (): string[] => readdirSync(root).filter((n) => n.includes('.pm-staging-') || n.includes('.pm-retired-') || n.includes('.pm-journal'));

describe('atomic builds', () => {
  it('a build that fails leaves the previous dist/ byte for byte', () => {
    const before = treeHashes(out());
    writeFileSync(path.join(root, 'posts', '2024-02-01-broken.md'), '---\ntitle: Broken\ndate: not a date\n---\n');
    const r = build();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('posts/2024-02-01-broken.md:3:7');
    expect(treeHashes(out())).toEqual(before);
    expect(leftovers()).toEqual([]);
    rmSync(path.join(root, 'posts', '2024-02-01-broken.md'));
  });

  it('a build killed with SIGKILL in the middle leaves the previous dist/ whole, and the next build recovers', async () => {
    const before = treeHashes(out());
    writeSite(300, 'second'); // every incident changes: a long rebuild
    rmSync(path.join(root, '.pm-cache'), { recursive: true, force: true }); // and a full one
    const child = spawn(process.execPath, [CLI, 'build', '--root', root, '--out', out(), '--quiet'], { stdio: 'ignore' });
    // Wait until the build has started writing beside dist/, then kill it.
    const deadline = Date.now() + 20_000;
    let staged: string | undefined;
    while (!staged && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      staged = readdirSync(root).find((n) => n.startsWith('dist.pm-staging-'));
    }
    expect(staged, 'the build never started staging').toBeDefined();
    await new Promise((r) => setTimeout(r, 300));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGKILL');
    expect(await exited).toBe(null); // killed, not finished
    expect(treeHashes(out())).toEqual(before);

    const again = build();
    expect(again.status, String(again.stderr)).toBe(0);
    expect(leftovers()).toEqual([]);
    const after = treeHashes(out());
    expect(after).not.toEqual(before);
    expect(existsSync(path.join(out(), 'incidents', '2024-02-01-incident-0', 'index.html'))).toBe(true);
  }, 120_000);
});
