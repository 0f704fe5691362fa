import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PortInUseError } from '../../src/serve/listen.js';
import { serveSite, type ServeHandle } from '../../src/serve/server.js';
import { buildSite } from '../../src/build/build.js';
import { copyFixture, nextRebuild, sseClient } from './helpers.js';

const POST = 'posts/2020-09-02-outbound.md';
const PAGE = 'incidents/2020-09-02-outbound/';
let open: ServeHandle[] = [];
const lines: string[] = [];

async function start(root: string, extra: Parameters<typeof serveSite>[0] = {}): Promise<ServeHandle> {
  const h = await serveSite({ root, port: 0, log: (l) => lines.push(l), ...extra });
  open.push(h);
  return h;
}

afterEach(async () => {
  await Promise.all(open.map((h) => h.close()));
  open = [];
  lines.length = 0;
});

function edit(root: string, file: string, from: string | RegExp, to: string): void {
  const full = path.join(root, file);
  writeFileSync(full, readFileSync(full, 'utf8').replace(from, to));
}

describe('serveSite', () => {
  it('serves pages from memory with content types, /x/ → x/index.html, and the 404 page', async () => {
    const h = await start(copyFixture());
    const index = await fetch(h.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await index.text();
    expect(html).toContain('Outbound traffic blocked');
    expect(html).toMatch(/<script src="\/__pm\/client\.js" data-pm-seq="\d+" data-pm-serve><\/script>/);
    const css = html.match(/href="\.\/(assets\/style\.[^"]+\.css)"/)?.[1];
    expect((await fetch(`${h.url}${css}`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await fetch(`${h.url}${PAGE}timeline.json`)).headers.get('content-type')).toBe('application/json; charset=utf-8');
    const missing = await fetch(`${h.url}no/such/page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Site override: lost?');
    const bare = await fetch(`${h.url}${PAGE.slice(0, -1)}`, { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([301, `/${PAGE}`]);
    expect((await fetch(h.url, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${h.url}__pm/client.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('an edit rebuilds that incident only and sends a reload for the pages that changed', async () => {
    const root = copyFixture();
    const h = await start(root);
    const sse = await sseClient(`${h.url}__pm/events`);
    const rebuilt = nextRebuild(h, (e) => e.kind === 'incident');
    edit(root, POST, 'Outbound traffic was', 'Outbound traffic was entirely');
    const e = await rebuilt;
    expect(e.files).toEqual([POST]);
    expect(e.paths).toContain(`${PAGE}index.html`);
    expect(e.paths.every((p) => p.startsWith('incidents/2020-09-02-outbound/') || p.startsWith('embed/2020-09-02-outbound/'))).toBe(true);
    expect(await (await fetch(`${h.url}${PAGE}`)).text()).toContain('entirely');
    await h.idle();
    await new Promise((r) => setTimeout(r, 50));
    sse.stop();
    const reloads = sse.messages.filter((m) => m.event === 'reload').map((m) => JSON.parse(m.data) as { all: boolean; paths: string[] });
    expect(reloads[0]).toEqual({ all: false, paths: e.paths });
  });

  it('re-renders the index when a summary changes, and picks up editors that save by rename', async () => {
    const root = copyFixture();
    const h = await start(root);
    const site = nextRebuild(h, (e) => e.kind === 'site');
    const full = path.join(root, POST);
    writeFileSync(`${full}.tmp~`, readFileSync(full, 'utf8').replace('title: Outbound traffic blocked', 'title: Outbound traffic cut'));
    renameSync(`${full}.tmp~`, full);
    expect((await site).paths).toContain('index.html');
    expect(await (await fetch(h.url)).text()).toContain('Outbound traffic cut');
  });

  it('shows content errors as an escaped overlay with file:line:column until the file is fixed', async () => {
    const root = copyFixture();
    const h = await start(root);
    const sse = await sseClient(`${h.url}__pm/events`);
    const broken = nextRebuild(h, (e) => e.kind === 'incident');
    edit(root, POST, 'timezone: US/Central', 'timezone: "<b>Mars</b>"');
    expect((await broken).errors).toBe(1);
    const page = await (await fetch(`${h.url}${PAGE}`)).text();
    expect(page).toContain('id="__pm-overlay"');
    expect(page).toMatch(/posts\/2020-09-02-outbound\.md:4:\d+: error: frontmatter\/timezone: .*&lt;b&gt;Mars&lt;\/b&gt;/);
    expect(page).not.toContain('<b>Mars</b>');
    expect(lines.some((l) => /^posts\/2020-09-02-outbound\.md:4:\d+: error: frontmatter\/timezone/.test(l))).toBe(true);
    const fixed = nextRebuild(h, (e) => e.kind === 'incident');
    edit(root, POST, 'timezone: "<b>Mars</b>"', 'timezone: US/Central');
    expect((await fixed).errors).toBe(0);
    expect(await (await fetch(`${h.url}${PAGE}`)).text()).not.toContain('__pm-overlay');
    await h.idle();
    await new Promise((r) => setTimeout(r, 50));
    sse.stop();
    // errors appearing and going away reload every open page (the overlay is on all of them)
    expect(sse.messages.filter((m) => (JSON.parse(m.data) as { all: boolean }).all)).toHaveLength(2);
  });

  it('adds and removes incidents; a theme edit rebuilds everything', async () => {
    const root = copyFixture();
    const h = await start(root);
    let next = nextRebuild(h, (e) => e.kind === 'site');
    writeFileSync(path.join(root, 'posts/2022-02-02-new-one.md'), '---\ntitle: Brand new incident\n---\n\nText.\n');
    await next;
    expect(await (await fetch(h.url)).text()).toContain('Brand new incident');
    next = nextRebuild(h, (e) => e.kind === 'site');
    rmSync(path.join(root, 'posts/2022-02-02-new-one.md'));
    await next;
    expect(await (await fetch(h.url)).text()).not.toContain('Brand new incident');
    expect((await fetch(`${h.url}incidents/2022-02-02-new-one/`)).status).toBe(404);

    next = nextRebuild(h, (e) => e.kind === 'full');
    const theme = path.join(root, 'themes/default/partials');
    mkdirSync(theme, { recursive: true });
    writeFileSync(path.join(theme, 'incident-row.hbs'), '<li class="incident-row">ROW {{title}}</li>\n');
    expect((await next).all).toBe(true);
    expect(await (await fetch(h.url)).text()).toContain('ROW Outbound traffic blocked');
  });

  it('moves to the next port when the port is taken, or fails with strictPort', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const h = await start(copyFixture(), { port: taken, watch: false });
      expect(h.port).toBeGreaterThan(taken);
      expect(lines).toContain(`port ${taken} in use, serving on ${h.port}`);
      await expect(serveSite({ root: copyFixture(), port: taken, strictPort: true, watch: false })).rejects.toBeInstanceOf(PortInUseError);
    } finally {
      blocker.close();
    }
  });

  it('with strictPort, a busy port fails before anything is built', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const taken = (blocker.address() as { port: number }).port;
    const root = copyFixture();
    // a config that cannot be read: building would fail with its error, not the port's
    writeFileSync(path.join(root, 'pm.config.yaml'), 'title: [unclosed\n');
    const seen: string[] = [];
    try {
      await expect(serveSite({ root, port: taken, strictPort: true, watch: false, log: (l) => seen.push(l) })).rejects.toBeInstanceOf(PortInUseError);
      expect(seen.filter((l) => l.startsWith('built'))).toEqual([]);
    } finally {
      blocker.close();
      rmSync(path.dirname(root), { recursive: true, force: true });
    }
  });

  it('prints every warning pm check finds once the first build is served', async () => {
    const root = copyFixture();
    const h = await start(root, { watch: false });
    await h.checked;
    const warnings = lines.filter((l) => l.includes(': warning: '));
    expect(warnings).toContain(
      'posts/2020-09-02-outbound.md:5:7: warning: check/tag-spelling: tag "Networking" is written "networking" in 1 incident: posts/2017-01-07-bundle/index.md; use one spelling',
    );
    expect(warnings.some((l) => l.startsWith('posts/2021-05-01-draft.md:6:1: warning: check/missing-section'))).toBe(true);
    expect(lines).toContain(`${warnings.length} warning(s), as pm check reports them`);
    expect(lines.findIndex((l) => l.startsWith('built '))).toBeLessThan(lines.indexOf(warnings[0]!));
    rmSync(path.dirname(root), { recursive: true, force: true });
  });

  it('lets other origins read data and the embed script, not pages', async () => {
    const root = copyFixture();
    const h = await start(root, { watch: false });
    const json = await fetch(`${h.url}${PAGE}timeline.json`, { headers: { origin: 'http://status.example' } });
    expect(json.status).toBe(200);
    expect(json.headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(`${h.url}embed/pm-timeline.js`)).headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(`${h.url}${PAGE}`)).headers.get('access-control-allow-origin')).toBeNull();
    rmSync(path.dirname(root), { recursive: true, force: true });
  });

  it('the 404 page of a site published under a sub-path leads home on this server', async () => {
    const root = copyFixture();
    writeFileSync(path.join(root, 'pm.config.yaml'), 'base_url: https://you.github.io/repo\n');
    const h = await start(root, { watch: false });
    const res = await fetch(`${h.url}no/such/page/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('<a class="brand" href="/">');
    // the build keeps the published path
    const built = await buildSite({ root, write: false });
    expect(String(built.pages.find((p) => p.path === '404.html')?.contents)).toContain('<a class="brand" href="/repo/">');
    rmSync(path.dirname(root), { recursive: true, force: true });
  });

  it('close() ends event streams and the server', async () => {
    const h = await start(copyFixture());
    const sse = await sseClient(`${h.url}__pm/events`);
    await h.close();
    open = [];
    await expect(fetch(h.url)).rejects.toThrow();
    sse.stop();
  });
});

describe('pm build output', () => {
  it('never contains the serve-time script or overlay', async () => {
    const root = copyFixture();
    const result = await buildSite({ root, write: false, drafts: true });
    expect(result.pages.length).toBeGreaterThan(5);
    for (const p of result.pages) expect(String(p.contents), p.path).not.toContain('__pm');
    await buildSite({ root });
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const f of walk(path.join(root, 'dist'))) expect(readFileSync(f, 'utf8'), f).not.toContain('__pm');
  });
});

describe('serveSite when a rebuild throws', () => {
  it('shows the failure as an overlay and recovers on the next good save', async () => {
    const root = copyFixture();
    const partial = path.join(root, 'themes/default/partials/incident-row.hbs');
    mkdirSync(path.dirname(partial), { recursive: true });
    const h = await start(root);
    const failed = new Promise<Error>((resolve) => h.events.once('failure', resolve));
    writeFileSync(partial, '<li>{{#if title}}unclosed</li>\n');
    await failed;
    const page = await (await fetch(h.url)).text();
    expect(page).toContain('id="__pm-overlay"');
    expect(page).toMatch(/themes\/default\/partials\/incident-row\.hbs:0:0: error: serve\/rebuild: rebuild failed: /);
    const full = nextRebuild(h, (e) => e.kind === 'full');
    writeFileSync(partial, '<li class="incident-row">{{title}}</li>\n');
    await full;
    await h.idle();
    expect(await (await fetch(h.url)).text()).not.toContain('__pm-overlay');
  });
});

describe('serveSite and log sources', () => {
  it('an edited log reprocesses the incidents that read it', async () => {
    const root = copyFixture();
    const dir = path.join(root, 'posts/2019-03-03-logs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'index.md'),
      '---\ntitle: From logs\ntimezone: UTC\nsources:\n  - path: events.csv\n---\n\n## Timeline\n\n- 2019-03-03 10:00 [T0] start\n',
    );
    writeFileSync(path.join(dir, 'events.csv'), 'time,text\n2019-03-03T10:05:00Z,first log line\n');
    const h = await start(root);
    expect(await (await fetch(`${h.url}incidents/2019-03-03-logs/`)).text()).toContain('first log line');
    const next = nextRebuild(h, (e) => e.kind === 'incident');
    writeFileSync(path.join(dir, 'events.csv'), 'time,text\n2019-03-03T10:05:00Z,second log line\n');
    expect((await next).files).toEqual(['posts/2019-03-03-logs/index.md']);
    expect(await (await fetch(`${h.url}incidents/2019-03-03-logs/`)).text()).toContain('second log line');
  });
});
