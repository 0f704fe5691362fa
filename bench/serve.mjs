// `pm serve` edit-to-reload latency. For each size, generates a site with
// /work/shared/bench/gen-corpus.mjs (or $PM_GEN_CORPUS), starts the server in-process
// (compiled code from lib/), connects a server-sent-events client like a browser tab
// would, then edits one incident's markdown at a time and measures:
//   edit → reload event    from writing the file to receiving the SSE `reload` that names the page
//   edit → page re-fetched from writing the file to having the new page bytes over HTTP
// Two kinds of edit: a body edit (only the incident's own pages change) and a title edit
// (the summary changes, so indexes/tags/feeds are rendered again: also timed, as
// edit → site reload event).
// Run after `npx tsc -p .`:  node bench/serve.mjs [sizes…] (default: 1000 10000)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { serveSite } from '../lib/serve/server.js';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [1000, 10000];
const EDITS = Number(process.env.BENCH_EDITS ?? 12);
const TITLE_EDITS = Number(process.env.BENCH_TITLE_EDITS ?? 3);
const GEN = process.env.PM_GEN_CORPUS ?? '/work/shared/bench/gen-corpus.mjs';
const TARGET = { 1000: 150, 10000: 400 };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (xs) => (xs.length ? `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, n=${xs.length})` : 'n/a');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** An SSE client that timestamps every reload event on arrival. */
function listen(url) {
  const seen = [];
  const waiters = new Set();
  const req = http.get(url, (res) => {
    let buf = '';
    res.setEncoding('utf8');
    res.on('data', (chunk) => {
      const at = performance.now();
      buf += chunk;
      let i;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!/^event: reload$/m.test(block) || !data) continue;
        const msg = { at, ...JSON.parse(data) };
        seen.push(msg);
        for (const w of waiters) w(msg);
      }
    });
  });
  req.on('error', () => undefined);
  return {
    /** Resolves with the arrival time of the next reload that `accept` takes. */
    next(accept, timeout = 30_000) {
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => {
          waiters.delete(w);
          reject(new Error('no reload event within the time limit'));
        }, timeout);
        const w = (msg) => {
          if (!accept(msg)) return;
          clearTimeout(t);
          waiters.delete(w);
          resolve(msg.at);
        };
        waiters.add(w);
      });
    },
    close: () => req.destroy(),
  };
}

async function fetchText(url) {
  const res = await fetch(url, { headers: { 'cache-control': 'no-store' } });
  return res.text();
}

async function run(n) {
  const root = mkdtempSync(path.join(tmpdir(), `pm-bench-serve-${n}-`));
  const gen = spawnSync(process.execPath, [GEN, path.join(root, 'posts'), String(n)], { encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(`corpus generator failed: ${gen.stderr}`);
  const files = readdirSync(path.join(root, 'posts')).filter((f) => f.endsWith('.md')).sort();

  let t = performance.now();
  const server = await serveSite({ root, port: 0, log: () => undefined });
  const startup = performance.now() - t;
  const sse = listen(`${server.url}__pm/events`);
  await sleep(200);

  const reload = [];
  const fetched = [];
  const work = [];
  const onRebuild = (e) => e.kind === 'incident' && work.push(e.ms);
  server.events.on('rebuild', onRebuild);
  let siteRenders = 0;
  for (let i = 0; i < EDITS; i++) {
    // spread over the corpus, away from the newest (whose post bodies are in the feeds)
    const file = files[Math.floor(((i + 0.5) * files.length) / EDITS / 2)];
    const full = path.join(root, 'posts', file);
    const slug = file.replace(/\.md$/, '');
    const page = `incidents/${slug}/index.html`;
    const marker = `bench-edit-${n}-${i}`;
    const text = readFileSync(full, 'utf8').replace('## Root cause\n', `## Root cause\n\n${marker}\n`);
    const gotReload = sse.next((m) => m.all || m.paths.includes(page));
    t = performance.now();
    writeFileSync(full, text);
    const at = await gotReload;
    reload.push(at - t);
    const body = await fetchText(`${server.url}incidents/${slug}/`);
    fetched.push(performance.now() - t);
    if (!body.includes(marker)) throw new Error(`page of ${file} does not show the edit`);
    if (server.state.results.size !== files.length) throw new Error('incident count changed');
    await server.idle();
    await sleep(80);
  }
  server.events.off('rebuild', onRebuild);

  const titleReload = [];
  const titleSite = [];
  for (let i = 0; i < TITLE_EDITS; i++) {
    const file = files[Math.floor(files.length / 3) + i];
    const full = path.join(root, 'posts', file);
    const page = `incidents/${file.replace(/\.md$/, '')}/index.html`;
    const before = readFileSync(full, 'utf8');
    const text = /^title: ".*"$/m.test(before)
      ? before.replace(/^title: "(.*)"$/m, (_, title) => `title: "${title} (rev ${i})"`)
      : before.replace(/^title: (.*)$/m, (_, title) => `title: ${title} (rev ${i})`);
    const gotPage = sse.next((m) => m.all || m.paths.includes(page));
    const gotIndex = sse.next((m) => m.all || m.paths.includes('index.html'), 120_000);
    t = performance.now();
    writeFileSync(full, text);
    titleReload.push((await gotPage) - t);
    titleSite.push((await gotIndex) - t);
    siteRenders++;
    await server.idle();
    await sleep(80);
  }

  sse.close();
  await server.close();
  rmSync(root, { recursive: true, force: true });
  const target = TARGET[n];
  const m = median(reload);
  console.log(`${n} incidents  (in-memory start-up ${(startup / 1000).toFixed(1)} s)`);
  console.log(`  body edit   edit → reload event:     ${fmt(reload)}${target ? `  target < ${target} ms: ${m < target ? 'ok' : 'MISSED'}` : ''}`);
  console.log(`  body edit   edit → page re-fetched:  ${fmt(fetched)}`);
  console.log(`  body edit   of which server rebuild:  ${fmt(work)}  (the rest: file watcher, ${30} ms debounce, event delivery)`);
  console.log(`  title edit  edit → reload event:     ${fmt(titleReload)}`);
  console.log(`  title edit  edit → site reload (index, tags, feeds re-rendered): ${fmt(titleSite)}  (${siteRenders} site renders)`);
  return target ? m < target : true;
}

let ok = true;
for (const n of SIZES) ok = (await run(n)) && ok;
process.exitCode = ok ? 0 : 1;
