import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIO } from '../cli/helpers.js';
import { HASHBANG } from '../render/axis/shapes.js';
import { makeSite } from './helpers.js';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

describe('pm check explains a zone taken from the prose', () => {
  it('as an info at the zone named in the opening note', async () => {
    const root = makeSite({ 'posts/2020-09-02-de2.md': HASHBANG });
    roots.push(root);
    const io = captureIO();
    await main(['check', '--root', root], io);
    const line = HASHBANG.split('\n').findIndex((l) => l.startsWith('Note:')) + 1;
    const column = HASHBANG.split('\n')[line - 1]!.indexOf('US/Central') + 1;
    expect(io.stdout).toContain(
      `posts/2020-09-02-de2.md:${line}:${column}: info: timeline/zone-note: times without a zone are read as America/Chicago, as this note says ("US/Central")`,
    );
  });
});
