// Shared reporting for the benches: medians, the machine's load, a readable table, and one
// JSON line per metric (`{"bench":…}` on stdout; also appended to $BENCH_JSON when set) so
// two runs can be diffed:  npm run bench | grep '^{"bench"' > before.jsonl
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cli = path.join(repo, 'lib', 'pm', 'main.js');

/** Median (mean of the middle two for an even count); NaN for none. */
export function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const load = () => Number(os.loadavg()[0].toFixed(2));
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const commit = (() => {
  const r = spawnSync('git', ['-C', repo, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
})();

/** `1234 ms` → `1.23 s` above a second; MB with no decimals; bytes as KB/MB. */
export function show(value, unit) {
  if (!Number.isFinite(value)) return 'n/a';
  if (unit === 'ms') return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`;
  if (unit === 'MB') return `${value.toFixed(0)} MB`;
  if (unit === 'bytes') return value >= 1 << 20 ? `${(value / (1 << 20)).toFixed(2)} MB` : `${(value / 1024).toFixed(1)} KB`;
  if (unit === '%') return `${value.toFixed(1)} %`;
  return `${value} ${unit}`;
}

/**
 * One bench's results: `add` records a metric (every run's value; the median is what the
 * table and the JSON line lead with), `print` writes the table then the JSON lines.
 */
export class Report {
  constructor(bench, meta = {}) {
    this.bench = bench;
    this.meta = meta;
    this.rows = [];
    this.loadStart = load();
  }

  add(metric, unit, runs, extra = {}) {
    const list = Array.isArray(runs) ? runs : [runs];
    this.rows.push({ metric, unit, runs: list, median: median(list), extra, load: load() });
  }

  /** The table (unless `table: false`, for a script that prints its own), then the JSON lines. */
  print(title, { table = true } = {}) {
    const loadEnd = load();
    if (table) console.log(`${title}`);
    if (table) console.log(`load average ${this.loadStart} at start, ${loadEnd} at end, on ${os.availableParallelism()} cores${commit ? `, commit ${commit}` : ''}`);
    const width = Math.max(...this.rows.map((r) => r.metric.length), 10);
    for (const r of table ? this.rows : []) {
      const all = r.runs.length > 1 ? `  (n=${r.runs.length}: ${r.runs.map((v) => show(v, r.unit)).join(', ')})` : '';
      const note = r.extra.note ? `  ${r.extra.note}` : '';
      console.log(`  ${r.metric.padEnd(width)}  ${show(r.median, r.unit).padStart(10)}${all}${note}`);
    }
    for (const r of this.rows) {
      const { note, ...extra } = r.extra;
      const line = JSON.stringify({
        bench: this.bench, metric: r.metric, unit: r.unit, median: round(r.median), runs: r.runs.map(round), n: r.runs.length,
        ...this.meta, ...extra, load: r.load, loadStart: this.loadStart, cores: os.availableParallelism(), commit,
      });
      console.log(line);
      if (process.env.BENCH_JSON) appendFileSync(process.env.BENCH_JSON, `${line}\n`);
    }
  }
}

const round = (v) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : null);
