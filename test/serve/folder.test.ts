import { existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveSite, type ServeHandle } from '../../src/serve/server.js';
import { copyFixture, nextRebuild } from './helpers.js';

const PAGE = 'incidents/2020-09-02-outbound/index.html';
let handle: ServeHandle | null = null;
let root = '';
afterEach(async () => {
  await handle?.close();
  handle = null;
  if (root) rmSync(path.dirname(root), { recursive: true, force: true });
});

const served = (r: string): string => path.join(r, '.pm-cache', 'serve', 'site');

describe('pm serve keeps its pages in a folder of its own', () => {
  it('writes them under .pm-cache/serve/site, never the output folder; a second start renders nothing', async () => {
    root = copyFixture();
    const progress: string[] = [];
    handle = await serveSite({ root, port: 0, log: () => {} });
    const first = await (await fetch(new URL(PAGE.replace('index.html', ''), handle.url))).text();
    expect(first).toContain('Outbound traffic');
    expect(readFileSync(path.join(served(root), PAGE), 'utf8')).toContain('Outbound traffic');
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
    const written = statSync(path.join(served(root), PAGE)).mtimeMs;
    await handle.close();

    handle = await serveSite({ root, port: 0, log: (l) => progress.push(l) });
    expect(await (await fetch(new URL(PAGE.replace('index.html', ''), handle.url))).text()).toBe(first);
    expect(statSync(path.join(served(root), PAGE)).mtimeMs).toBe(written); // taken from the folder, not rendered again
    // an edit made while it was stopped is found at the next start
    await handle.close();
    const post = path.join(root, 'posts', '2020-09-02-outbound.md');
    writeFileSync(post, readFileSync(post, 'utf8').replace('Outbound traffic was', 'Outbound traffic was, meanwhile,'));
    handle = await serveSite({ root, port: 0, log: () => {} });
    expect(await (await fetch(new URL(PAGE.replace('index.html', ''), handle.url))).text()).toContain('Outbound traffic was, meanwhile,');
  });

  it("a deleted incident's pages leave the folder", async () => {
    root = copyFixture();
    handle = await serveSite({ root, port: 0, log: () => {} });
    const gone = nextRebuild(handle, (e) => e.kind === 'incident');
    rmSync(path.join(root, 'posts', '2020-09-02-outbound.md'));
    await gone;
    await handle.idle();
    expect(existsSync(path.join(served(root), PAGE))).toBe(false);
    expect((await fetch(new URL(PAGE, handle.url))).status).toBe(404);
  });

  it('a .pm-cache that is a link is not written through: pages go to a temporary folder, removed on close', async () => {
    root = copyFixture();
    const elsewhere = path.join(path.dirname(root), 'elsewhere');
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, path.join(root, '.pm-cache'));
    handle = await serveSite({ root, port: 0, log: () => {} });
    expect((await fetch(new URL(PAGE, handle.url))).status).toBe(200);
    expect(existsSync(path.join(elsewhere, 'serve'))).toBe(false);
  });
});
