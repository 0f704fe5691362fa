import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, REPO, ensureCompiled } from '../build/cli-helpers.js';

// `pm serve` as a user runs it (the built CLI), on a generated corpus large enough that its
// worker processes (the first build's pool, the background check) live for seconds.
let dir: string;
let root: string;
let env: NodeJS.ProcessEnv;
const running: ChildProcess[] = [];
beforeAll(() => {
  ensureCompiled();
  dir = mkdtempSync(path.join(tmpdir(), 'pm-serve-proc-'));
  root = path.join(dir, 'site');
  const gen = path.join(REPO, 'bench', 'gen-realistic.mjs');
  const r = spawnSync(process.execPath, [gen, path.join(root, 'posts'), '240', '--static', path.join(root, 'static')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  env = { ...process.env, XDG_CACHE_HOME: path.join(dir, 'xdg') };
}, 60_000);
afterAll(() => {
  for (const c of running) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function serve(): { child: ChildProcess; log: () => string } {
  const child = spawn(process.execPath, [CLI, 'serve', '--root', root, '--port', '0'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  running.push(child);
  let text = '';
  child.stderr.on('data', (b: Buffer) => (text += b.toString()));
  return { child, log: () => text };
}

async function until<T>(what: () => T | null | undefined | false, ms: number, label: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = what();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Live child processes of `pid` (from /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(fields[1]) === pid && fields[0] !== 'Z';
      } catch {
        return false;
      }
    })
    .map(Number);
}

const alive = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
};

describe.runIf(process.platform === 'linux')('pm serve’s processes', () => {
  it('leave with the server when it is killed hard, during the first build and during the background check', async () => {
    for (const moment of ['built ', 'serving ']) {
      rmSync(path.join(root, '.pm-cache'), { recursive: true, force: true });
      const s = serve();
      const pid = s.child.pid!;
      // during the first build the pool's workers run; after it, the check worker
      const kids = await until(
        () => (moment === 'built ' || s.log().includes(moment)) && childrenOf(pid).length > 0 && childrenOf(pid),
        60_000,
        `a child (${moment})`,
      );
      if (moment === 'built ') expect(s.log()).not.toContain('built ');
      s.child.kill('SIGKILL');
      await until(() => kids.every((k) => !alive(k)), 1_500, `children ${kids.join(', ')} to leave`);
    }
  }, 120_000);

  it('makes the first edit after a warm start about as fast as the next ones', async () => {
    // a first server leaves its store: the second one starts warm and examines nothing
    const first = serve();
    await until(() => first.log().includes('serving '), 60_000, 'the first server');
    first.child.kill('SIGINT');
    await new Promise((r) => first.child.once('exit', r));
    const s = serve();
    await until(() => s.log().includes('serving '), 60_000, 'the warm server');
    await new Promise((r) => setTimeout(r, 1_500)); // the idle moment after start
    const posts = readdirSync(path.join(root, 'posts'))
      .filter((f) => f.endsWith('.md'))
      .sort();
    const times: number[] = [];
    for (const [i, file] of posts.slice(0, 4).entries()) {
      const full = path.join(root, 'posts', file);
      writeFileSync(full, readFileSync(full, 'utf8').replace('## Root cause\n', `## Root cause\n\nEdit ${i}.\n`));
      const line = new RegExp(`rebuilt posts/${file.replace('.', '\\.')} in (\\d+) ms`);
      times.push(Number((await until(() => line.exec(s.log()), 20_000, `the rebuild of ${file}`))[1]));
    }
    s.child.kill('SIGINT');
    await new Promise((r) => s.child.once('exit', r));
    const rest = Math.max(...times.slice(1));
    expect(times[0]).toBeLessThanOrEqual(2 * rest + 40);
  }, 120_000);
});
