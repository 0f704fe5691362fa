import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';
import { checkSite } from '../../src/check/site.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { makeSite, post } from './helpers.js';

// A site with problems of several kinds, each found by a different stage of the build:
// the config, front-matter, slugs across incidents, copies of static/ over a page, local
// images and links (one to a site-wide page that does not exist), and a check-only rule.
let root: string;
beforeAll(() => {
  root = makeSite({
    'pm.config.yaml': 'title: Ops\nno_such_setting: 1\n',
    'posts/2024-04-09-disk.md': post({ body: 'See ![graph](img/none.png), [the feed](/no-such-feed.xml) and [gone](../gone/).' }),
    'posts/2024-04-10-disk-again.md': post({ front: 'slug: 2024-04-09-disk' }),
    'posts/2024-04-11-undated.md': post({ front: 'date: the day after' }),
    'posts/2024-04-12-partial.md': post().replace('## Impact', '## Effects'),
    'static/incidents/2024-04-12-partial/index.html': '<p>over a page</p>',
    'static/sitemap.xml': '<urlset/>', // over a site-wide page, which only a render knows of
  });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('pm check and pm build', () => {
  it('pm check reports every diagnostic pm build reports, and only its own rules besides', async () => {
    const built = (await buildSite({ root, write: false, drafts: true })).diagnostics.map(formatDiagnostic);
    const checked = (await checkSite({ root })).diagnostics.map(formatDiagnostic);
    const rules = new Set(built.map((l) => /: (?:error|warning|info): ([\w-]+)\//.exec(l)?.[1]));
    expect(rules.size).toBeGreaterThanOrEqual(3); // problems of several kinds, or the test proves little
    expect(built.some((l) => l.includes(': error: '))).toBe(true);
    expect(checked.filter((l) => !built.includes(l)).filter((l) => !/: (error|warning|info): check\//.test(l))).toEqual([]);
    // pm build's only generic warning about a link gives way to check's rule at the same place
    const at = (l: string): string => l.split(': ')[0]!;
    const superseded = (l: string): boolean =>
      l.includes(': link/missing-target: ') && checked.some((c) => at(c) === at(l) && /: check\/(broken|dead)-link: /.test(c));
    expect(built.filter((l) => !checked.includes(l) && !superseded(l))).toEqual([]);
    expect(checked.some((l) => l.includes('check/missing-section'))).toBe(true);
    expect(checked.filter((l) => l.includes('"../gone/"'))).toEqual([expect.stringContaining(': error: check/broken-link: ')]);
    expect(checked.filter((l) => l.includes('no-such-feed.xml') || l.startsWith('static/sitemap.xml'))).toHaveLength(2);
  });
});
