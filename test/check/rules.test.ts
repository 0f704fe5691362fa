import { describe, expect, it } from 'vitest';
import { brokenLink, checkLinkRefs, linkRefs } from '../../src/check/links.js';
import { checkSourceOrder } from '../../src/check/source-order.js';
import { isoToMs } from '../../src/time/format.js';
import { nearTwins } from '../../src/check/tags.js';
import type { CheckContext } from '../../src/check/types.js';
import { parseIncident } from '../../src/incident/parse.js';

const ctx = (incidentPattern = 'incidents/:slug/'): CheckContext => ({
  requiredSections: [],
  urls: { incident: incidentPattern, tag: 'tags/:tag/', tags: 'tags/' },
  today: null,
  slugs: new Set(['here', 'other']),
  files: new Set(['posts/here.md', 'posts/other.md', 'posts/bundle/index.md']),
});
const incident = parseIncident({ file: 'posts/here.md', content: '---\ntitle: Here\ndate: 2024-01-01\n---\n' }, { timezone: 'UTC', displayTimezone: null });

describe('brokenLink', () => {
  it.each([
    ['../other/'],
    ['../other'],
    ['/incidents/other/'],
    ['../other/index.html'],
    ['./'],
    ['other.md'],
    ['./other.md'],
    ['posts/other.md'],
    ['/posts/other.md'],
    ['bundle/index.md'],
    ['../other/#timeline'],
    ['https://x.test/gone.md'],
    ['mailto:a@b.c'],
    ['#summary'],
    ['//cdn.test/x'],
    ['../../tags/dns/'],
    ['../other/timeline.json'],
  ])('%s is fine', (url) => {
    expect(brokenLink(url, incident, ctx())).toBeNull();
  });

  it.each([['../gone/'], ['/incidents/gone'], ['../gone/index.html?x=1'], ['gone.md'], ['../posts/gone.md']])('%s is broken', (url) => {
    expect(brokenLink(url, incident, ctx())).toMatch(/points to no incident/);
  });

  it('follows the configured URL pattern', () => {
    expect(brokenLink('gone.html', incident, ctx('reports/:slug.html'))).toMatch(/"gone"/);
    expect(brokenLink('other.html', incident, ctx('reports/:slug.html'))).toBeNull();
    expect(brokenLink('../tags/', incident, ctx(':slug/'))).toBeNull();
  });
});

describe('linkRefs', () => {
  it('keeps only links into the site, with their places in the file', () => {
    const md =
      '---\ntitle: Here\ndate: 2024-01-01\n---\nSee [a](https://x.test/) [b](#top) [c](//cdn.test/x)\n[d](mailto:a@b.c) and [e](../gone/).\n\n[f]: other.md\n';
    const parsed = parseIncident({ file: 'posts/here.md', content: md }, { timezone: 'UTC', displayTimezone: null });
    const refs = linkRefs(parsed);
    expect(refs).toEqual([
      { url: '../gone/', line: 6, column: 23 },
      { url: 'other.md', line: 8, column: 1 },
    ]);
    expect(checkLinkRefs(parsed, refs, ctx())).toEqual([expect.objectContaining({ file: 'posts/here.md', line: 6, column: 23, rule: 'check/broken-link' })]);
  });
});

describe('nearTwins', () => {
  it.each([
    ['database', 'databse'],
    ['outage', 'outages'],
    ['ip-v6', 'ipv6'],
    ['network', 'netwrok'],
    ['dns', 'd-ns'],
  ])('%s ~ %s', (a, b) => {
    expect(nearTwins(a, b)).toBe(true);
  });
  it.each([
    ['ipv4', 'ipv6'],
    ['sev1', 'sev2'],
    ['dns', 'dhs'],
    ['mail', 'nail'],
    ['database', 'security'],
  ])('%s ≁ %s', (a, b) => {
    expect(nearTwins(a, b)).toBe(false);
  });
});

describe('checkSourceOrder', () => {
  const at = (s: string): number => isoToMs(s);
  const ev = (file: string, line: number, iso: string) => ({ at: at(iso), source: { file, line } });

  it('ignores small jitter, the markdown file and order across sources', () => {
    expect(
      checkSourceOrder('a.md', [
        ev('a.md', 10, '2024-01-01T10:00:00.000Z'),
        ev('a.md', 11, '2024-01-01T09:00:00.000Z'),
        ev('x.log', 1, '2024-01-01T10:00:01.500Z'),
        ev('x.log', 2, '2024-01-01T10:00:00.000Z'),
        ev('y.log', 1, '2024-01-01T08:00:00.000Z'),
      ]),
    ).toEqual([]);
  });

  it('lists the first five lines that go back, then counts', () => {
    const events = [];
    for (let i = 0; i < 8; i++) events.push(ev('x.log', 2 * i + 1, '2024-01-01T10:00:00.000Z'), ev('x.log', 2 * i + 2, '2024-01-01T09:00:00.000Z'));
    const found = checkSourceOrder('a.md', events);
    expect(found).toHaveLength(6);
    expect(found[0]).toMatchObject({ file: 'x.log', line: 2, rule: 'check/source-order', level: 'warning' });
    expect(found[0]!.message).toBe('line 2 is 60min earlier than line 1 (2024-01-01T09:00:00Z after 2024-01-01T10:00:00Z): events out of order in one source');
    expect(found[5]!.message).toBe('8 lines go backwards in time in this source (first 5 listed)');
  });
});
