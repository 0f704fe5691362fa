// `pm serve` at scale (issue 17), driven from outside through the built CLI (lib/pm/main.js),
// on the realistic corpus (bench/gen-realistic.mjs) of each size:
//   start-up   from spawning `node lib/pm/main.js serve` until the first 200 for `/` and for
//              one incident page (both polled every 20 ms from the spawn), with
//              cold         no .pm-cache/ and no user cache (secret, precompiled templates),
//              warm-serve   the caches the previous (cold) serve left,
//              warm-build   the caches a `pm build` just left;
//              rounds of the three, interleaved, medians over BENCH_RUNS rounds (default 3).
//   RSS        VmHWM summed over the serve process tree (bench/lib/proc.mjs): peak when both
//              pages first answered, once the server is idle again (pm serve runs pm check in
//              the background after start), and after the edits below.
//   edits      in the last warm-build server, a client connected to the live-reload stream:
//              body edit  (a paragraph under "## Root cause"; BENCH_EDITS, default 10) — edit →
//                         reload event naming the page, edit → the page served with the edit;
//              title edit (an incident listed on `/`; BENCH_TITLE_EDITS, default 3) — edit →
//                         reload event naming index.html, edit → `/` shows the new title
//                         (polled every 50 ms). The server is let go idle between edits.
//   node bench/serve.mjs [sizes…]   (default 1000 10000; `npm run build` first)
import { rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { RssSampler, treeMemory, waitIdle } from './lib/proc.mjs';
import { Report } from './lib/report.mjs';
import { get, listenReloads, startServe, waitOk } from './lib/serve.mjs';
import { coldCaches, editBody, editTitle, makeSite, outDir, pmBuild, siteEnv } from './lib/site.mjs';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [1000, 10000];
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const EDITS = Number(process.env.BENCH_EDITS ?? 10);
const TITLE_EDITS = Number(process.env.BENCH_TITLE_EDITS ?? 3);

/** One server start: time to the two first 200s, peak RSS then and once idle. */
async function start(dir, incident) {
  const srv = await startServe(dir, siteEnv(dir));
  const rss = new RssSampler(srv.child.pid);
  try {
    const [index, page] = await Promise.all([waitOk(srv.url, { exited: srv.exited }), waitOk(`${srv.url}incidents/${incident}/`, { exited: srv.exited })]);
    const atAnswer = rss.peak;
    const idle = await waitIdle(srv.child.pid);
    rss.sample();
    return { srv, rss, index: index.at - srv.t0, page: page.at - srv.t0, rssAnswer: atAnswer, rssIdle: rss.peak, idle };
  } catch (e) {
    rss.stop();
    await srv.stop();
    throw new Error(`${e.message}\n--- pm serve said:\n${srv.log().slice(-3000)}`, { cause: e });
  }
}

/** Body and title edits against a running server; returns the latencies in ms. */
async function edits(s, dir, files, n) {
  const out = { bodyEvent: [], bodyPage: [], titleEvent: [], titleIndex: [] };
  const sse = listenReloads(s.srv.url);
  await sse.ready;
  const pid = s.srv.child.pid;
  const settle = () => waitIdle(pid, { windowMs: 300 });
  await settle();
  for (let i = 0; i < EDITS; i++) {
    // spread over the older half (the newest posts' bodies are also in the feeds)
    const file = files[Math.floor(((i + 0.5) * files.length) / EDITS / 2)];
    const slug = file.replace(/\.md$/, '');
    const marker = `bench-edit-${n}-${i}-${Date.now()}`;
    const event = sse.next((m) => m.all || m.paths.includes(`incidents/${slug}/index.html`));
    const t = performance.now();
    editBody(path.join(dir, 'posts', file), marker);
    out.bodyEvent.push((await event) - t);
    out.bodyPage.push((await waitOk(`${s.srv.url}incidents/${slug}/`, { accept: (b) => b.includes(marker), timeoutMs: 60_000 })).at - t);
    await settle();
  }
  // title edits: incidents the home page lists, so `/` must change
  const home = (await get(s.srv.url)).body;
  const listed = [...new Set([...home.matchAll(/href="[^"]*?incidents\/([^/"]+)\/"/g)].map((m) => m[1]))].filter((slug) => files.includes(`${slug}.md`));
  if (listed.length < TITLE_EDITS) throw new Error(`only ${listed.length} incidents found linked from /`);
  for (let i = 0; i < TITLE_EDITS; i++) {
    const title = `Bench title ${n} ${i} ${Date.now()}`;
    const event = sse.next((m) => m.all || m.paths.includes('index.html')).catch(() => NaN);
    const t = performance.now();
    editTitle(path.join(dir, 'posts', `${listed[i]}.md`), title);
    const shown = await waitOk(s.srv.url, { everyMs: 50, accept: (b) => b.includes(title), timeoutMs: 300_000 });
    out.titleIndex.push(shown.at - t);
    out.titleEvent.push((await event) - t);
    await settle();
  }
  sse.close();
  return out;
}

async function run(n) {
  const dir = path.join(outDir, `serve-${n}`);
  const files = makeSite(dir, n);
  const incident = files[Math.floor(files.length / 2)].replace(/\.md$/, '');
  const report = new Report('serve', { size: n, corpus: 'realistic' });
  const got = { cold: [], 'warm-serve': [], 'warm-build': [] };
  const builds = [];
  let edited = null;
  let afterEdits = null;
  coldCaches(dir);
  for (let r = 0; r < RUNS; r++) {
    for (const kind of Object.keys(got)) {
      if (kind === 'cold') coldCaches(dir);
      if (kind === 'warm-build') builds.push(pmBuild(dir, path.join(dir, 'dist')).ms);
      const s = await start(dir, incident);
      got[kind].push(s);
      if (!s.idle) console.log(`  (${kind} server not idle after 3 min: RSS read while busy)`);
      if (kind === 'warm-build' && r === RUNS - 1) {
        edited = await edits(s, dir, files, n);
        s.rss.sample();
        afterEdits = { peak: s.rss.peak, now: treeMemory(s.srv.child.pid).rss };
      }
      s.rss.stop();
      await s.srv.stop();
    }
  }
  const warmTarget = n >= 10000 ? 5000 : n >= 3000 ? 3000 : null;
  for (const [kind, list] of Object.entries(got)) {
    const note = kind !== 'cold' && warmTarget ? { note: `target < ${warmTarget / 1000} s at ${n}` } : {};
    report.add(
      `start ${kind}: first 200 for /`,
      'ms',
      list.map((s) => s.index),
      note,
    );
    report.add(
      `start ${kind}: first 200 for an incident`,
      'ms',
      list.map((s) => s.page),
    );
  }
  for (const [kind, list] of Object.entries(got)) {
    report.add(
      `RSS peak ${kind}, at first answer`,
      'MB',
      list.map((s) => s.rssAnswer),
      n >= 3000 ? { note: 'target < 400 MB' } : {},
    );
    report.add(
      `RSS peak ${kind}, once idle`,
      'MB',
      list.map((s) => s.rssIdle),
    );
  }
  report.add('pm build before warm-build start', 'ms', builds);
  report.add('body edit → reload event', 'ms', edited.bodyEvent, n >= 10000 ? { note: 'target < 100 ms' } : {});
  report.add('body edit → page shows the edit', 'ms', edited.bodyPage);
  report.add('title edit → reload event for index.html', 'ms', edited.titleEvent);
  report.add('title edit → / shows the new title', 'ms', edited.titleIndex, n >= 10000 ? { note: 'target < 500 ms' } : {});
  report.add('RSS peak after edits (warm-build server)', 'MB', [afterEdits.peak]);
  report.add('RSS now after edits (VmRSS, tree)', 'MB', [afterEdits.now]);
  rmSync(dir, { recursive: true, force: true });
  report.print(`pm serve, ${n} realistic incidents, ${RUNS} round(s) of cold / warm-serve / warm-build starts`);
}

for (const n of SIZES) await run(n);
