// Wall time of the unit tests, for before/after comparisons of a restructuring (issue 17):
// `npx vitest run --project unit` in a child process, BENCH_RUNS times (default 3), timed
// from outside, the load average read before each run. It runs against the current build,
// so `npm run build` first (some tests run lib/pm/main.js). Opt-in: `BENCH_TESTS=1 npm run
// bench`, or alone: node bench/test-time.mjs [extra vitest args…]
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { load, repo, Report } from './lib/report.mjs';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const extra = process.argv.slice(2);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const walls = [];
const loads = [];
let tests = null;
for (let i = 0; i < RUNS; i++) {
  loads.push(load());
  const t = performance.now();
  const r = spawnSync(npx, ['vitest', 'run', '--project', 'unit', ...extra], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 });
  walls.push(performance.now() - t);
  // vitest's summary: " Tests  1234 passed (1234)" (colour codes stripped)
  const out = `${r.stdout}${r.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
  tests = /^\s*Tests\s+(.+)$/m.exec(out)?.[1]?.trim() ?? tests;
  if (r.status !== 0) console.log(`!! run ${i + 1}: vitest exited with ${r.status} (${tests ?? 'no summary'}); its time is still listed`);
}
const report = new Report('test-time', { project: 'unit' });
report.add(['npx vitest run --project unit', ...extra].join(' ') + ', wall', 'ms', walls, { note: tests ? `tests: ${tests}` : '', loadBefore: loads });
report.print(`unit tests, ${RUNS} run(s); load average before each: ${loads.join(', ')}`);
