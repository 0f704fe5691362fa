#!/usr/bin/env node
// Sources bench (issue 4). Compile first: npx tsc -p .
//   node bench/sources.mjs [N=1000000] [RUNS=5]
// Generates an auth.log-like file of N lines in a temp dir (once), then, in this one
// process, measures the median of (a) reading its lines with the same splitter and
// (b) readSource with `match: Failed password`, `group: 10m` + JSON.stringify of the
// events. Targets: ratio b/a ≤ 4, peak RSS < 250 MB.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateAuthLog } from './gen-authlog.mjs';
import { readLines } from '../lib/sources/lines.js';
import { readSource } from '../lib/sources/read.js';

const N = Number(process.argv[2] ?? 1_000_000);
const RUNS = Math.max(5, Number(process.argv[3] ?? 5));
const dir = path.join(tmpdir(), 'pm-bench');
const file = path.join(dir, `auth-${N}.log`);
if (!existsSync(file)) {
  mkdirSync(dir, { recursive: true });
  process.stdout.write(`generating ${N} lines into ${file} … `);
  await generateAuthLog(file, N);
  process.stdout.write('done\n');
}
const bytes = statSync(file).size;

async function readOnly() {
  let lines = 0;
  let chars = 0;
  await readLines(file, (line) => {
    lines++;
    chars += line.length;
  });
  return { lines, chars };
}

let last = null;
async function fullSource() {
  const spec = { path: 'auth.log', format: 'syslog', match: 'Failed password', group: '10m' };
  const result = await readSource(spec, { absPath: file, file: 'posts/bench/auth.log', zone: 'Europe/Berlin', year: 2017 });
  const json = JSON.stringify(result.events);
  last = { ...result.stats, jsonBytes: json.length, diagnostics: result.diagnostics.length };
  return last;
}

async function time(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

// One warm-up of each, then alternate so that both see the same machine state.
await time(readOnly);
await time(fullSource);
const a = [];
const b = [];
for (let i = 0; i < RUNS; i++) {
  a.push(await time(readOnly));
  b.push(await time(fullSource));
}
const ma = median(a);
const mb = median(b);
const rssMb = process.resourceUsage().maxRSS / 1024;
const fmt = (ms) => `${ms.toFixed(0)} ms`;
console.log(`file: ${file} (${N} lines, ${(bytes / 1e6).toFixed(1)} MB)`);
console.log(`(a) read lines only:                 median ${fmt(ma)}  [${a.map((x) => x.toFixed(0)).join(', ')}]`);
console.log(`(b) readSource match+group10m+JSON:  median ${fmt(mb)}  [${b.map((x) => x.toFixed(0)).join(', ')}]`);
console.log(`ratio b/a: ${(mb / ma).toFixed(2)}× (target ≤ 4×)`);
console.log(
  `throughput (b): ${Math.round(N / (mb / 1000)).toLocaleString('en-US')} lines/s; (a): ${Math.round(N / (ma / 1000)).toLocaleString('en-US')} lines/s`,
);
console.log(`peak RSS: ${rssMb.toFixed(0)} MB (target < 250 MB)`);
console.log(`last run stats: ${JSON.stringify(last)}`);
if (mb / ma > 4 || rssMb >= 250) process.exitCode = 1;
