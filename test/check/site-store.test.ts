import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSite } from '../../src/check/site.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { makeSite, post } from './helpers.js';

// pm serve's background check keeps what it found in a folder of its own (`store`): what it
// reports must be what a plain `pm check` reports, on a first run, a second one and after edits,
// while a second run examines only what changed.
let root: string;
let store: string;
beforeAll(() => {
  root = makeSite({
    'pm.config.yaml': 'title: Ops\nno_such_setting: 1\n',
    'posts/2024-04-09-disk.md': post({ tags: '[Networking]', body: 'See ![graph](img/none.png), [the feed](/no-such-feed.xml) and [gone](../gone/).' }),
    'posts/2024-04-10-disk-again.md': post({ front: 'slug: 2024-04-09-disk' }),
    'posts/2024-04-11-undated.md': post({ front: 'date: the day after' }),
    'posts/2024-04-12-partial.md': post({ tags: '[networking]' }).replace('## Impact', '## Effects'),
    'posts/2024-04-13-draft.md': post({ front: 'draft: true', body: 'Like [the disk](../2024-04-09-disk/).' }).replace('## Impact', '## Effects'),
    'posts/2024-04-14-links.md': post({ tags: '[networking]', body: 'After [the partial one](../2024-04-12-partial/) and [nothing](../2024-01-01-none/).' }),
    'static/incidents/2024-04-12-partial/index.html': '<p>over a page</p>',
  });
  store = path.join(root, '.pm-cache', 'serve', 'check');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function both(): Promise<{ plain: string[]; kept: string[]; examined: string[] }> {
  const examined: string[] = [];
  const plain = (await checkSite({ root })).diagnostics.map(formatDiagnostic);
  const kept = (await checkSite({ root, store, onIncident: (f) => examined.push(f) })).diagnostics.map(formatDiagnostic);
  return { plain, kept, examined: examined.sort() };
}

describe('checkSite with a store (pm serve’s background check)', () => {
  it('reports what pm check reports, and examines only the files that changed the next time', async () => {
    const first = await both();
    expect(first.plain.filter((l) => l.includes(': check/')).length).toBeGreaterThanOrEqual(4);
    expect(first.plain.some((l) => l.includes('check/tag-spelling'))).toBe(true);
    expect(first.plain.some((l) => l.includes('check/broken-link') && l.includes('2024-01-01-none'))).toBe(true);
    expect(first.kept).toEqual(first.plain);
    expect(first.examined).toHaveLength(6);

    const warm = await both();
    expect(warm.kept).toEqual(first.plain);
    expect(warm.examined).toEqual([]);

    // the link target disappears under its old slug, a tag spelling goes away: site-wide rules change
    const partial = path.join(root, 'posts/2024-04-12-partial.md');
    writeFileSync(partial, readFileSync(partial, 'utf8').replace('tags: [networking]', 'tags: [Networking]\nslug: partial-moved'));
    const edited = await both();
    expect(edited.kept).toEqual(edited.plain);
    expect(edited.plain).not.toEqual(first.plain);
    expect(edited.plain.some((l) => l.startsWith('posts/2024-04-14-links.md') && l.includes('check/broken-link') && l.includes('2024-04-12-partial'))).toBe(
      true,
    );
    expect(edited.examined).toEqual(['posts/2024-04-12-partial.md']);
  });

  it('examines again what a tampered rows file says, and still reports what pm check reports', async () => {
    await checkSite({ root, store });
    const rows = path.join(store, 'rows.json');
    writeFileSync(rows, readFileSync(rows, 'utf8').replace(/"own":\[[^\]]*\]/g, '"own":[]'));
    const again = await both();
    expect(again.kept).toEqual(again.plain);
    expect(again.examined).toHaveLength(6);
  });

  it('uses no store through a planted link, and leaves what it points at alone', async () => {
    const elsewhere = path.join(root, '..', `${path.basename(root)}-elsewhere`);
    mkdirSync(path.join(elsewhere, 'out'), { recursive: true });
    writeFileSync(path.join(elsewhere, 'out', 'keep.txt'), 'mine');
    const planted = path.join(root, '.pm-cache', 'planted');
    symlinkSync(elsewhere, planted);
    try {
      const examined: string[] = [];
      const r = await checkSite({ root, store: planted, onIncident: (f) => examined.push(f) });
      expect(r.diagnostics.map(formatDiagnostic)).toEqual((await checkSite({ root })).diagnostics.map(formatDiagnostic));
      expect(examined).toHaveLength(6);
      expect(readFileSync(path.join(elsewhere, 'out', 'keep.txt'), 'utf8')).toBe('mine');
      expect(readdirSync(elsewhere)).toEqual(['out']);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
