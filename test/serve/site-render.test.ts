import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveSite, type ServeHandle } from '../../src/serve/server.js';
import { copyFixture, nextRebuild, sseClient } from './helpers.js';

const POST = 'posts/2020-09-02-outbound.md';
let h: ServeHandle | null = null;
let root = '';
afterEach(async () => {
  await h?.close();
  h = null;
  rmSync(path.dirname(root), { recursive: true, force: true });
});

const text = (p: string): string => String(h!.state.page(p)?.contents ?? '');

describe('site-wide pages after a title edit', () => {
  it('announces and serves the index before the feeds and data files are rendered again', async () => {
    root = copyFixture();
    h = await serveSite({ root, port: 0, watch: true, log: () => undefined });
    const feed = h.state.paths().find((p) => /(^|\/)(feed|atom)\.xml$/.test(p));
    expect(feed).toBeDefined();
    expect(text(feed!)).toContain('Outbound traffic blocked');
    const sse = await sseClient(`${h.url}__pm/events`);
    const site = nextRebuild(h, (e) => e.kind === 'site');
    const file = path.join(root, POST);
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Outbound traffic blocked', 'title: Outbound traffic cut'));
    const reloads = (): Array<{ paths: string[] }> => sse.messages.filter((m) => m.event === 'reload').map((m) => JSON.parse(m.data) as { paths: string[] });
    const deadline = Date.now() + 10_000;
    while (!reloads().some((r) => r.paths.includes('index.html')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    // the index is announced alone, while the feed still has the old title
    const first = reloads().find((r) => r.paths.includes('index.html'))!;
    expect(first.paths).not.toContain(feed);
    expect(text(feed!)).toContain('Outbound traffic blocked');
    expect(await (await fetch(h.url)).text()).toContain('Outbound traffic cut');
    const done = await site;
    expect(done.paths).toEqual(expect.arrayContaining(['index.html', feed!]));
    expect(text(feed!)).toContain('Outbound traffic cut');
    await h.idle();
    await new Promise((r) => setTimeout(r, 50));
    sse.stop();
    // announced once each: the index with the first reload, the feed with the second
    const all = reloads().flatMap((r) => r.paths);
    expect(all.filter((p) => p === 'index.html')).toHaveLength(1);
    expect(all.filter((p) => p === feed)).toHaveLength(1);
  });
});
