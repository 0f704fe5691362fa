// Site build benchmark (issues 5, 13, 17: `pm build` must not get slower): on a generated corpus of N incidents, medians of
//   - the bare floor of the required libraries with GFM (../shared/bench/run-floor.sh --workers 2 --gfm),
//   - a cold `pm build` (no cache, no output),
//   - a rebuild with nothing changed,
//   - a rebuild after editing one incident,
// plus peak RSS of each, all as separate processes timed from outside, floor and pm
// runs interleaved so drift on a shared machine hits both alike.
//
// Every cold run (floor and pm) writes into a folder that never existed, and the disk is
// synced before each timed run: on this ext4 (mounted with `discard`) deleting the last
// run's few hundred MB makes file creation several times slower for a minute after, which
// would measure the harness's `rm -rf`, not the build. All outputs are removed at the end.
// Two corpora: `realistic` (bench/gen-realistic.mjs: tables, task lists, footnotes, bare URLs,
// quoted e-mails, shell sessions, 12-hour and table timelines, graphs from static/) and
// `synthetic` (../shared/bench/gen-corpus.mjs).
//   node bench/site.mjs [N=10000] [runs=3] [realistic|synthetic]      (run `npm run build` first)
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Report } from './lib/report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
// ../shared/bench beside the checkout (or beside the main checkout, from a git worktree)
const shared = [process.env.PM_SHARED_BENCH, path.resolve(repo, '..', 'shared', 'bench'), path.resolve(repo, '..', '..', 'shared', 'bench')].find(
  (d) => d && existsSync(path.join(d, 'run-floor.sh')),
);
if (!shared) throw new Error('../shared/bench/run-floor.sh not found; set PM_SHARED_BENCH');
const N = Number(process.argv[2] ?? 10_000);
const RUNS = Math.max(3, Number(process.argv[3] ?? 3));
const KIND = process.argv[4] ?? 'synthetic';
if (!['realistic', 'synthetic'].includes(KIND)) throw new Error(`corpus must be realistic or synthetic, not ${KIND}`);
const work = path.join(here, 'out', `site-${KIND}-${N}`);
const posts = path.join(work, 'posts');
const cli = path.join(repo, 'lib', 'pm', 'main.js');
const hasTime = existsSync('/usr/bin/time');
// the floor's scratch project, per checkout: engineers sharing the machine do not install over each other
process.env.FLOOR_DIR ??= path.join(here, 'out', 'floor');

function timed(cmd, args, opts = {}) {
  const full = hasTime ? ['/usr/bin/time', ['-f', '__RSS_KB=%M', cmd, ...args]] : [cmd, args];
  const t = performance.now();
  const r = spawnSync(full[0], full[1], { encoding: 'utf8', maxBuffer: 1 << 26, ...opts });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  const rss = Number(/__RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  return { ms, rss };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

if (!existsSync(posts)) {
  mkdirSync(work, { recursive: true });
  const gen =
    KIND === 'realistic'
      ? [path.join(here, 'gen-realistic.mjs'), posts, String(N), '--static', path.join(work, 'static')]
      : [path.join(shared, 'gen-corpus.mjs'), posts, String(N)];
  spawnSync(process.execPath, gen, { stdio: 'inherit' });
}
spawnSync('sh', [path.join(shared, 'run-floor.sh'), '--setup-only'], { stdio: 'inherit' });

const outs = path.join(work, 'outs');
rmSync(outs, { recursive: true, force: true });
const pmBuild = (out) => {
  spawnSync('sync');
  return timed(process.execPath, [cli, 'build', '--root', work, '--out', out, '-q']);
};
const runs = { floor: [], cold: [], noop: [], edit: [] };
const victim = path.join(posts, spawnSync('ls', [posts], { encoding: 'utf8' }).stdout.split('\n')[Math.floor(N / 2)]);

for (let i = 0; i < RUNS; i++) {
  spawnSync('sync');
  runs.floor.push(timed('sh', [path.join(shared, 'run-floor.sh'), posts, path.join(outs, `floor-${i}`), '--workers', '2', '--gfm']));
  rmSync(path.join(work, '.pm-cache'), { recursive: true, force: true });
  const out = path.join(outs, `pm-${i}`);
  runs.cold.push(pmBuild(out));
  runs.noop.push(pmBuild(out));
  for (let e = 0; e < 2; e++) {
    appendFileSync(victim, `\nEdited for the benchmark (${i}.${e}).\n`);
    runs.edit.push(pmBuild(out));
  }
}
rmSync(outs, { recursive: true, force: true });

const row = (name, list) => {
  const m = median(list.map((r) => r.ms));
  const rss = median(list.map((r) => r.rss));
  console.log(
    `${name.padEnd(26)} median ${fmt(m).padStart(9)}   peak RSS ${Number.isNaN(rss) ? 'n/a' : `${rss.toFixed(0)} MB`}   (${list.map((r) => fmt(r.ms)).join(', ')})`,
  );
  return m;
};
console.log(
  `site build, ${N} ${KIND} incidents, ${RUNS} rounds (floor and pm interleaved), load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores`,
);
const floor = row('floor (2 workers, --gfm)', runs.floor);
const cold = row('pm build, cold', runs.cold);
row('pm build, nothing changed', runs.noop);
const edit = row('pm build, one edit', runs.edit);
const rss = Math.max(...runs.cold.map((r) => r.rss), ...runs.edit.map((r) => r.rss));
console.log(
  `cold / floor = ${(cold / floor).toFixed(2)}× (target ≤ 1.25×); one edit ${fmt(edit)} (target < 0.5 s); peak RSS ${Number.isNaN(rss) ? 'n/a' : `${rss.toFixed(0)} MB`} (target < 800 MB)`,
);
const report = new Report('site', { size: N, corpus: KIND });
for (const [key, name] of [
  ['floor', 'floor (2 workers, --gfm)'],
  ['cold', 'pm build, cold'],
  ['noop', 'pm build, nothing changed'],
  ['edit', 'pm build, one edit'],
]) {
  report.add(
    name,
    'ms',
    runs[key].map((r) => r.ms),
  );
  report.add(
    `${name}, peak RSS`,
    'MB',
    runs[key].map((r) => r.rss),
  );
}
report.add('cold / floor', '×', [cold / floor]);
report.print('', { table: false });
