// Timeline engine benchmark: a large generated Timeline section (mixed entry forms),
// parsed once, then extract + compute timed over several runs; prints the median
// entries per second. Run after `npx tsc -p .`:  node bench/timeline.mjs [entries] [runs]
import { performance } from 'node:perf_hooks';
import { Reporter } from '../lib/diagnostics.js';
import { parseMarkdown } from '../lib/markdown/processor.js';
import { extractTimeline } from '../lib/timeline/extract.js';
import { computeTimeline } from '../lib/timeline/compute.js';

const ENTRIES = Number(process.argv[2] ?? 50_000);
const RUNS = Math.max(5, Number(process.argv[3] ?? 5));

/** Deterministic pseudo-random numbers (no Math.random: same input every run). */
function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n) => String(n).padStart(2, '0');

export function generate(entries = ENTRIES) {
  const rand = rng(42);
  const lines = ['# Generated incident', '', '## Timeline (all times UTC)', ''];
  let ms = Date.UTC(2020, 0, 1, 0, 0);
  for (let i = 0; i < entries; i++) {
    ms += Math.floor(rand() * 600_000);
    const d = new Date(ms);
    const [y, mo, da, h, mi, s] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
    const text = `event ${i} on **host-${i % 97}** [detail](https://example.com/${i})`;
    switch (i % 8) {
      case 0:
        lines.push(`- ${y}-${pad(mo)}-${pad(da)} ${pad(h)}:${pad(mi)} — ${text}`);
        break;
      case 1:
        lines.push(`- ${y}-${pad(mo)}-${pad(da)}T${pad(h)}:${pad(mi)}:${pad(s)}Z ${text}`);
        break;
      case 2:
        lines.push(`- ${MONTHS[mo - 1]} ${da}, ${y} - ${((h + 11) % 12) + 1}:${pad(mi)} ${h < 12 ? 'AM' : 'PM'} ${text}`);
        break;
      case 3:
        lines.push(`- ${y} ${MONTHS[mo - 1]} ${da} ${pad(h)}:${pad(mi)} UTC ${text}`);
        break;
      case 4:
        lines.push(`- ${MONTHS[mo - 1].slice(0, 3)} ${String(da).padStart(2, ' ')} ${pad(h)}:${pad(mi)}:${pad(s)} sshd[${i}]: ${text}`);
        break;
      case 5:
        lines.push(`- ~${y}/${pad(mo)}/${pad(da)} ${pad(h)}:${pad(mi)} [detected] ${text}`);
        break;
      case 6:
        lines.push(`- ${y}-${pad(mo)}-${pad(da)} ${pad(h)}:${pad(mi)} (T+1h) ${text}`);
        break;
      default:
        lines.push(`- ${y}-${pad(mo)}-${pad(da)} ${pad(h)}:${pad(mi)} CET [internal] ${text}`);
    }
  }
  lines.push('', '## Root cause', '', 'Generated.');
  return lines.join('\n');
}

export function run(entries = ENTRIES, runs = RUNS) {
  const markdown = generate(entries);
  const rates = [];
  let count = 0;
  for (let r = 0; r < runs; r++) {
    const tree = parseMarkdown(markdown);
    const reporter = new Reporter('bench.md');
    const t = performance.now();
    const { events } = extractTimeline(tree, { file: 'bench.md', reporter, zone: 'UTC', date: { year: 2020, month: 1, day: 1 } });
    computeTimeline(events, { displayZone: 'UTC', reporter });
    const seconds = (performance.now() - t) / 1000;
    count = events.length;
    rates.push(events.length / seconds);
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)];
  return { entries: count, runs, median };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { entries, runs, median } = run();
  console.log(`timeline extract+compute: ${entries} entries, median of ${runs} runs: ${Math.round(median).toLocaleString('en')} entries/s`);
}
