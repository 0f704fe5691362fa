import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../cli/helpers.js';
import { CLI, ensureCompiled } from '../build/cli-helpers.js';
import { BODY_ENTRIES, FEED_ENTRIES } from '../../src/outputs/feed-common.js';
import { NewestBodies } from '../../src/outputs/feed-newest.js';
import { newestFirst } from '../../src/render/indexes.js';

interface Item {
  date: number;
  slug: string;
  body: string;
}

const items = fc.uniqueArray(fc.record({ date: fc.integer({ min: 0, max: 40 }), slug: fc.string({ maxLength: 3 }) }), {
  selector: (x) => x.slug,
  maxLength: 80,
});

describe('NewestBodies: the feeds get the bodies of the newest incidents, whatever order they were rendered in', () => {
  it('each of the site-wide newest is kept when it arrives; at the end exactly the newest hold a body', () => {
    fc.assert(
      fc.property(items, (list) => {
        const all: Item[] = list.map((x) => ({ ...x, body: `<p>${x.slug}</p>` }));
        const newest = new NewestBodies<Item>();
        const keptOnArrival = new Set<Item>();
        for (const item of all) {
          const { kept, dropped } = newest.add(item);
          if (kept) keptOnArrival.add(item);
          else item.body = '';
          if (dropped) dropped.body = '';
        }
        const top = new Set([...all].sort(newestFirst).slice(0, BODY_ENTRIES));
        for (const item of top) expect(keptOnArrival.has(item)).toBe(true);
        expect(new Set(all.filter((x) => x.body !== ''))).toEqual(top);
      }),
    );
  });
});

describe('a build in worker processes', () => {
  let root = '';
  beforeAll(() => {
    ensureCompiled();
    root = tempDir('pm-feed-newest-');
    mkdirSync(path.join(root, 'posts'));
    // enough incidents for worker processes (disk-build.ts), in no date order
    for (let i = 0; i < 60; i++) {
      const day = `2024-${String(((i * 7) % 12) + 1).padStart(2, '0')}-${String(((i * 5) % 28) + 1).padStart(2, '0')}`;
      writeFileSync(
        path.join(root, 'posts', `p${i}.md`),
        `---\ntitle: Incident ${i}\ndate: ${day}T${String(i % 24).padStart(2, '0')}:00:00Z\n---\n\n## Summary\n\nWhat happened in incident number ${i}.\n`,
      );
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('the feeds carry the body of each of the newest incidents', () => {
    const r = spawnSync(process.execPath, [CLI, 'build', '--root', root, '--out', path.join(root, 'dist'), '--quiet'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const feed = JSON.parse(readFileSync(path.join(root, 'dist', 'feed.json'), 'utf8')) as { items: Array<{ title: string; content_html: string }> };
    expect(feed.items).toHaveLength(FEED_ENTRIES);
    for (const item of feed.items) expect(item.content_html).toContain(`What happened in incident number ${/\d+/.exec(item.title)?.[0]}.`);
  }, 120_000);
});
