import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { published, sitePathOf } from '../../src/check/local-links.js';

const PAGE = 'incidents/db-failover/index.html';

describe('where a local link leads', () => {
  it.each([
    ['img/errors.png', 'incidents/db-failover/img/errors.png'],
    ['./notes.txt?raw=1#L3', 'incidents/db-failover/notes.txt'],
    ['../dns-outage/', 'incidents/dns-outage/'],
    ['../../tags/database/', 'tags/database/'],
    ['/images/graph%201.png', 'images/graph 1.png'],
    ['/', ''],
    ['../../', ''],
  ])('%s → %s', (url, target) => expect(sitePathOf(url, PAGE)).toBe(target));

  it.each([
    'https://grafana.example.net/d/abc',
    'mailto:oncall@example.com',
    '//cdn.example.net/x.png',
    '#timeline',
    '../../../outside.png',
    '../other.md',
    'posts/other.markdown',
    '',
    '   ',
  ])('%j is not checked here', (url) => expect(sitePathOf(url, PAGE)).toBeNull());

  it('never leads out of the output folder, whatever the URL', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(PAGE, 'index.html', 'a/b/c.html'), (url, page) => {
        const p = sitePathOf(url, page);
        if (p === null) return;
        expect(p.startsWith('/')).toBe(false);
        expect(p.split('/')).not.toContain('..');
      }),
      { numRuns: 2000 },
    );
  });

  it('a folder is answered by its index.html', () => {
    const files = new Set(['index.html', 'tags/database/index.html', 'robots.txt']);
    expect(published('', files)).toBe(true);
    expect(published('tags/database/', files)).toBe(true);
    expect(published('tags/database', files)).toBe(true);
    expect(published('robots.txt', files)).toBe(true);
    expect(published('tags/dns/', files)).toBe(false);
  });
});
