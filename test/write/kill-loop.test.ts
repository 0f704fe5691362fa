/**
 * Killed builds converge: incremental builds between two states of a ~1,000-post site,
 * each killed with SIGKILL after a seeded random delay, then completed. After every
 * kill dist/ is whole (the previous output, or the new one if the build had finished),
 * and the completed build is byte for byte a clean build of the same posts.
 *
 * A handful of kills by default; PM_KILL_RUNS=50 runs more, PM_KILL_SEED picks the delays.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../cli/helpers.js';
import { CLI, ensureCompiled, treeHashes } from '../build/cli-helpers.js';

const RUNS = Number(process.env['PM_KILL_RUNS'] ?? 3);
const SEED = Number(process.env['PM_KILL_SEED'] ?? 20261201);
const POSTS = 1000;

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The posts of state 0 or 1: state 1 edits every 40th post (title, tags, body), drops
 * every 97th and adds 12 of its own, one with a tag nobody else has (its tag page must
 * come and go with it). Fewer than 48 posts change, so the build renders them in its own
 * process, as a typical edit does.
 */
function posts(state: 0 | 1): Map<string, string> {
  const files = new Map<string, string>();
  const post = (name: string, title: string, date: string, tags: string[], body: string): void => {
    const lines = Array.from({ length: 8 }, (_, k) => `- ${date} ${String(10 + k).padStart(2, '0')}:0${k} step ${k}: ${body}`);
    files.set(name, `---\ntitle: ${title}\ndate: ${date}\ntags: [${tags.join(', ')}]\n---\n\n## Summary\n\n${body}\n\n## Timeline\n\n${lines.join('\n')}\n`);
  };
  for (let i = 0; i < POSTS; i++) {
    if (state === 1 && i % 97 === 5) continue;
    const date = `20${String(10 + (i % 14)).padStart(2, '0')}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const edited = state === 1 && i % 40 === 3;
    const tags = edited ? [`t${i % 9}`, 'edited'] : [`t${i % 7}`, i % 50 === 0 ? `rare-${i}` : 'load'];
    post(`${date}-incident-${i}.md`, `Incident ${i}${edited ? ' (revised)' : ''}`, date, tags, `Service ${i % 13} failed${edited ? ', revised' : ''}.`);
  }
  if (state === 1)
    for (let j = 0; j < 12; j++)
      post(`2025-0${(j % 9) + 1}-1${j % 10}-added-${j}.md`, `Added ${j}`, `2025-0${(j % 9) + 1}-1${j % 10}`, j ? ['added'] : ['only-here'], `New ${j}.`);
  return files;
}

let clock = Date.UTC(2026, 0, 1) / 1000;
/**
 * Puts the site's posts in `state`; every file it writes gets a later mtime than any before.
 * `touchAll` rewrites every post (a checkout, a formatter): all are rendered again, in workers.
 */
function setState(root: string, state: 0 | 1, touchAll = false): void {
  const dir = path.join(root, 'posts');
  mkdirSync(dir, { recursive: true });
  const want = posts(state);
  for (const name of readdirSync(dir)) if (!want.has(name)) rmSync(path.join(dir, name));
  for (const [name, text] of want) {
    const file = path.join(dir, name);
    if (!touchAll && existsSync(file) && readFileSync(file, 'utf8') === text) continue; // an edit touches only what it changes
    writeFileSync(file, text);
    clock += 1;
    utimesSync(file, clock, clock);
  }
}

const build = (root: string): ReturnType<typeof spawnSync> => spawnSync(process.execPath, [CLI, 'build', '--root', root, '--quiet'], { encoding: 'utf8' });

/** What differs from either clean output, and what lies beside dist/: for a failure message. */
function explain(after: string, from: 0 | 1, to: 0 | 1, dir: string): string {
  const tree = JSON.parse(after) as Record<string, string>;
  const diff = (want: Record<string, string>): string[] =>
    [...new Set([...Object.keys(want), ...Object.keys(tree)])].filter((k) => want[k] !== tree[k]).slice(0, 6);
  return JSON.stringify({ fromPrevious: diff(clean[from]!), fromNew: diff(clean[to]!), beside: readdirSync(dir) });
}

let root: string;
let cleanRoot: string;
/** How long a build rendering every post takes here. */
let fullSpan = 0;
const clean: Array<Record<string, string>> = [];

beforeAll(() => {
  ensureCompiled();
  root = tempDir('pm-kill-');
  cleanRoot = tempDir('pm-kill-clean-');
  for (const state of [0, 1] as const) {
    rmSync(cleanRoot, { recursive: true, force: true });
    setState(cleanRoot, state);
    const r = build(cleanRoot);
    expect(r.status, String(r.stderr)).toBe(0);
    clean[state] = treeHashes(path.join(cleanRoot, 'dist'));
  }
  expect(clean[0]).not.toEqual(clean[1]);
  setState(root, 0);
  const started = Date.now();
  expect(build(root).status).toBe(0);
  fullSpan = Date.now() - started;
}, 240_000);
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(cleanRoot, { recursive: true, force: true });
}, 60_000);

describe('killed builds converge', () => {
  it(
    `${RUNS} incremental builds killed at random moments: dist/ stays whole, the next build equals a clean one`,
    async () => {
      const dist = path.join(root, 'dist');
      // How long an incremental build takes here, to spread the kills over it.
      setState(root, 1);
      const started = Date.now();
      expect(build(root).status).toBe(0);
      const span = Math.max(200, Date.now() - started);
      expect(treeHashes(dist)).toEqual(clean[1]);

      const next = random(SEED);
      let state: 0 | 1 = 1;
      const outcomes = { before: 0, after: 0 };
      for (let run = 0; run < RUNS; run++) {
        const from = state;
        state = state === 0 ? 1 : 0;
        const touchAll = next() < 0.25;
        setState(root, state, touchAll);
        const delay = Math.floor(next() * (touchAll ? fullSpan : span) * 1.2);
        const child = spawn(process.execPath, [CLI, 'build', '--root', root, '--quiet'], { stdio: 'ignore' });
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        await new Promise((r) => setTimeout(r, delay));
        child.kill('SIGKILL');
        await exited;
        // Killed between the swap's two renames, dist/ is briefly the retired folder (restored by the next run).
        const retired = readdirSync(root).find((n) => n.startsWith('dist.pm-retired-'));
        const after = JSON.stringify(treeHashes(existsSync(dist) ? dist : path.join(root, retired ?? 'dist')));
        const whole = after === JSON.stringify(clean[from]) ? 'before' : after === JSON.stringify(clean[state]) ? 'after' : null;
        expect(
          whole,
          `run ${run} (seed ${SEED}, killed after ${delay} ms${touchAll ? ', every post touched' : ''}): dist/ is neither the previous output nor the new one: ${explain(after, from, state, root)}`,
        ).not.toBeNull();
        outcomes[whole!]++;

        const done = build(root);
        expect(done.status, `run ${run}: ${String(done.stderr)}`).toBe(0);
        expect(treeHashes(dist), `run ${run} (seed ${SEED}, killed after ${delay} ms)`).toEqual(clean[state]);
        expect(readdirSync(root).filter((n) => n.includes('.pm-staging-') || n.includes('.pm-retired-'))).toEqual([]);
      }
      console.log(
        `kill loop: ${RUNS} kills (seed ${SEED}, incremental build ~${span} ms, full ~${fullSpan} ms): dist/ was the previous output ${outcomes.before}×, the new one ${outcomes.after}×`,
      );
    },
    120_000 + RUNS * 60_000,
  );
});
