// `npm run bench`: every benchmark, each in its own process so timings and peak RSS
// are its own. Sizes can be lowered for a quick look: BENCH_QUICK=1 npm run bench.
// BENCH_ONLY=serve,site-pages runs those scripts only; BENCH_TESTS=1 adds the unit tests'
// wall time (bench/test-time.mjs); BENCH_RUNS=N rounds where a script takes medians
// (serve, site-pages, test-time); BENCH_JSON=file also appends every JSON line there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const quick = process.env.BENCH_QUICK === '1';
const benches = [
  ['timeline engine', 'timeline.mjs', quick ? ['10000', '5'] : ['50000', '5']],
  ['log sources (auth.log, match + group)', 'sources.mjs', quick ? ['200000', '5'] : ['1000000', '5']],
  ['embed element size', 'embed-size.mjs', []],
  ['site build, realistic post-mortems', 'site.mjs', quick ? ['500', '3', 'realistic'] : ['3000', '3', 'realistic']],
  ['site build, synthetic corpus', 'site.mjs', quick ? ['500', '3', 'synthetic'] : ['3000', '3', 'synthetic']],
  ['pm serve start-up (cold, warm), RSS, edit-to-reload, realistic', 'serve.mjs', quick ? ['300'] : ['1000', '10000']],
  ['across-incident pages and search, realistic', 'site-pages.mjs', quick ? ['1000'] : ['10000']],
  ...(process.env.BENCH_TESTS === '1' ? [['unit tests, wall time', 'test-time.mjs', []]] : []),
];
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim().replace(/\.mjs$/, ''));
let failed = 0;
for (const [name, file, args] of benches) {
  const script = path.join(here, file);
  if (!existsSync(script) || (only && !only.includes(file.replace(/\.mjs$/, '')))) continue;
  console.log(`\n## ${name}  (node bench/${file} ${args.join(' ')})`);
  const r = spawnSync(process.execPath, [script, ...args], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`!! bench/${file} exited with ${r.status}`);
  }
}
process.exitCode = failed ? 1 : 0;
