// The cost of the across-incident pages (issue 15) on the realistic corpus, `pm build` run
// from outside through the built CLI (lib/pm/main.js), BENCH_RUNS rounds (default 3) of:
//   for the default config and for `search: false` (two sites, same posts, interleaved):
//     cold build           no .pm-cache/, no user cache, an output folder that never existed
//     one edit, body       a paragraph added to one older incident, then a rebuild
//     one edit, title      the newest incident's title changed (summaries change: indexes,
//                          tags, feeds, insights, follow-ups, services), then a rebuild
// The insights, follow-ups and services pages cannot be turned off in the config, so their
// share comes from one extra cold build and one title-edit rebuild under `node --cpu-prof`
// (bench/lib/profile.mjs: inclusive main-process time of the functions that make them;
// the profiler slows the build a little, so read the shares, not the absolute times).
// Sizes of the data and pages that grow with the archive come from the last default build.
//   node bench/site-pages.mjs [N=10000]    (`npm run build` first)
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { groupTimes, mainProfile } from './lib/profile.mjs';
import { Report } from './lib/report.mjs';
import { coldCaches, editBody, editTitle, makeSite, outDir, pmBuild } from './lib/site.mjs';

const N = Number(process.argv[2] ?? 10_000);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const base = path.join(outDir, `pages-${N}`);
const variants = { default: null, 'search: false': 'search: false\n' };
// function names in lib/pm/ (src/insights/pages.ts, site/archive/services.ts, site/archive/list-feeds.ts, site/process.ts)
const GROUPS = process.env.BENCH_PROFILE_GROUPS
  ? JSON.parse(process.env.BENCH_PROFILE_GROUPS)
  : {
      'insights + follow-ups pages and JSON': ['insightsPages'],
      'services pages': ['renderServices'],
      'tag and service feeds': ['listFeeds'],
      'all site-wide pages (renderSite)': ['renderSite'],
      'search index, main-process CPU only': ['siteSearch'],
    };

const sites = Object.entries(variants).map(([name, config], i) => {
  const dir = path.join(base, `site-${i}`);
  const files = makeSite(dir, N, config);
  return { name, dir, files };
});
const results = Object.fromEntries(sites.map((s) => [s.name, { cold: [], body: [], title: [] }]));

for (let r = 0; r < RUNS; r++) {
  for (const s of sites) {
    coldCaches(s.dir);
    const out = path.join(s.dir, 'outs', String(r));
    rmSync(path.join(s.dir, 'outs'), { recursive: true, force: true });
    const got = results[s.name];
    got.cold.push(pmBuild(s.dir, out));
    editBody(path.join(s.dir, 'posts', s.files[Math.floor(N / 4)]), `Edited for the benchmark (round ${r}).`);
    got.body.push(pmBuild(s.dir, out));
    editTitle(path.join(s.dir, 'posts', s.files[N - 1]), `Benchmark title, round ${r}`);
    got.title.push(pmBuild(s.dir, out));
  }
}

const report = new Report('site-pages', { size: N, corpus: 'realistic' });
for (const [name, got] of Object.entries(results)) {
  report.add(
    `cold build, ${name}`,
    'ms',
    got.cold.map((x) => x.ms),
  );
  report.add(
    `one edit (body), ${name}`,
    'ms',
    got.body.map((x) => x.ms),
    { note: 'target < 0.5 s' },
  );
  report.add(
    `one edit (title), ${name}`,
    'ms',
    got.title.map((x) => x.ms),
    { note: 'target < 0.5 s' },
  );
  report.add(
    `peak RSS cold (largest process), ${name}`,
    'MB',
    got.cold.map((x) => x.rss),
  );
}
const [withSearch, without] = Object.values(results);
for (const kind of ['cold', 'body', 'title']) {
  const pairs = withSearch[kind].map((x, i) => (100 * (x.ms - without[kind][i].ms)) / without[kind][i].ms);
  report.add(`search adds to ${kind === 'cold' ? 'a cold build' : `a ${kind} edit`} (per round, vs search: false)`, '%', pairs);
}

// one profiled cold build and one profiled title edit, default config
const { dir, files } = sites[0];
const profDir = path.join(base, 'profiles');
const profiled = (label) => {
  rmSync(profDir, { recursive: true, force: true });
  mkdirSync(profDir, { recursive: true });
  const ms = pmBuild(dir, path.join(dir, 'outs', 'profiled'), { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', profDir] }).ms;
  const { spanMs, groups } = groupTimes(mainProfile(profDir), GROUPS);
  report.add(`${label}: profiled build, wall`, 'ms', [ms], { note: `main-process profile spans ${(spanMs / 1000).toFixed(2)} s` });
  for (const [g, t] of Object.entries(groups)) {
    const note = t.found ? `${t.ms.toFixed(0)} ms of main-process CPU` : 'NOT DEFINED in lib/pm/: renamed? set BENCH_PROFILE_GROUPS';
    report.add(`${label}: share in ${g}`, '%', [t.share], { note, ms: Math.round(t.ms), found: t.found });
  }
};
coldCaches(dir);
rmSync(path.join(dir, 'outs'), { recursive: true, force: true });
profiled('cold');
editTitle(path.join(dir, 'posts', files[N - 1]), 'Benchmark title, profiled');
profiled('title edit');
rmSync(profDir, { recursive: true, force: true });

const size = (p) => {
  let st;
  try {
    st = statSync(p);
  } catch {
    return NaN;
  }
  return st.isDirectory() ? readdirSync(p).reduce((sum, f) => sum + (size(path.join(p, f)) || 0), 0) : st.size;
};
const last = path.join(dir, 'outs', 'profiled');
for (const f of [
  'incidents.json',
  'follow-ups/index.html',
  'follow-ups',
  'follow-ups.json',
  'insights/index.html',
  'insights.json',
  'index.html',
  'services',
  'tags',
  'pagefind',
  '.',
]) {
  report.add(`size of ${f === '.' ? 'the whole output' : f}`, 'bytes', [size(path.join(last, f))]);
}
rmSync(base, { recursive: true, force: true });
report.print(`across-incident pages, ${N} realistic incidents, ${RUNS} round(s), default config and search: false interleaved`);
