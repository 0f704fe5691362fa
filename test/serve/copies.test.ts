import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveSite, type ServeHandle } from '../../src/serve/server.js';
import { copyFixture, nextRebuild } from './helpers.js';

let handle: ServeHandle | null = null;
let root = '';
afterEach(async () => {
  await handle?.close();
  handle = null;
  if (root) rmSync(path.dirname(root), { recursive: true, force: true });
});

describe('pm serve and published files', () => {
  it("serves a bundle's image beside its page and static/ files, but not the bundle's index.md or a link out of the site", async () => {
    root = copyFixture();
    const bundle = path.join(root, 'posts', '2017-01-07-bundle');
    mkdirSync(path.join(bundle, 'img'));
    writeFileSync(path.join(bundle, 'img', 'attempts.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    mkdirSync(path.join(root, 'static'));
    writeFileSync(path.join(root, 'static', 'robots.txt'), 'User-agent: *\n');
    symlinkSync('/etc/hostname', path.join(bundle, 'host.txt'));
    handle = await serveSite({ root, port: 0, log: () => {} });
    const img = await fetch(new URL('incidents/2017-01-07-bundle/img/attempts.png', handle.url));
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await img.arrayBuffer())).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(await (await fetch(new URL('robots.txt', handle.url))).text()).toBe('User-agent: *\n');
    expect((await fetch(new URL('incidents/2017-01-07-bundle/index.md', handle.url))).status).toBe(404);
    expect((await fetch(new URL('incidents/2017-01-07-bundle/host.txt', handle.url))).status).toBe(404);
  });

  it('after an edit serves the edited bundle’s new files (listed again for that bundle alone), and still the other copies', async () => {
    root = copyFixture();
    const bundle = path.join(root, 'posts', '2017-01-07-bundle');
    mkdirSync(path.join(root, 'static'));
    writeFileSync(path.join(root, 'static', 'robots.txt'), 'User-agent: *\n');
    handle = await serveSite({ root, port: 0, log: () => {} });
    const at = (p: string): Promise<Response> => fetch(new URL(p, handle!.url));
    expect((await at('incidents/2017-01-07-bundle/new.txt')).status).toBe(404);
    writeFileSync(path.join(bundle, 'new.txt'), 'new\n');
    const index = path.join(bundle, 'index.md');
    writeFileSync(index, readFileSync(index, 'utf8') + '\nSee [the notes](new.txt).\n');
    const rebuilt = nextRebuild(handle, (e) => e.kind === 'incident');
    await rebuilt;
    expect(await (await at('incidents/2017-01-07-bundle/new.txt')).text()).toBe('new\n');
    expect(await (await at('robots.txt')).text()).toBe('User-agent: *\n');
  });
});
