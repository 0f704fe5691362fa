import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';

const root = path.join(import.meta.dirname, '..', 'fixtures', 'site-basic');
const page = (r: Awaited<ReturnType<typeof buildSite>>, p: string): string => {
  const found = r.pages.find((x) => x.path === p);
  if (!found) throw new Error(`no page ${p}; have ${r.pages.map((x) => x.path).join(', ')}`);
  return String(found.contents);
};

describe('buildSite in memory', () => {
  it('renders one page per incident, the index and the tag pages without touching dist/', async () => {
    const r = await buildSite({ root, write: false });
    expect(r.written).toBe(false);
    expect(r.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    const paths = r.pages.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'index.html',
        'incidents/2020-09-02-outbound/index.html',
        'incidents/2020-09-02-outbound/timeline.json',
        'incidents/2017-01-07-bundle/index.html',
        'tags/index.html',
        'tags/networking/index.html',
        'tags/provider/index.html',
        'tags/security/index.html',
        '404.html',
      ]),
    );
    expect(paths.some((p) => /^assets\/style\.[0-9a-f]{10}\.css$/.test(p))).toBe(true);
  });

  it('leaves drafts out unless asked', async () => {
    const r = await buildSite({ root, write: false });
    expect(r.pages.some((p) => p.path.includes('draft'))).toBe(false);
    const withDrafts = await buildSite({ root, write: false, drafts: true });
    expect(withDrafts.pages.some((p) => p.path === 'incidents/2021-05-01-draft/index.html')).toBe(true);
  });

  it('lists incidents newest first, grouped by year, on the index', async () => {
    const html = page(await buildSite({ root, write: false }), 'index.html');
    const y2020 = html.indexOf('>2020<');
    const y2017 = html.indexOf('>2017<');
    expect(y2020).toBeGreaterThan(0);
    expect(y2017).toBeGreaterThan(y2020);
    expect(html.indexOf('Outbound traffic blocked')).toBeLessThan(html.indexOf('SSH brute force'));
    expect(html).toContain('href="./incidents/2020-09-02-outbound/"');
  });

  it('counts tags across incidents and keeps the display spelling', async () => {
    const r = await buildSite({ root, write: false });
    const tags = page(r, 'tags/index.html');
    // the first spelling met, oldest incident first
    expect(tags).toMatch(/>networking <span class="count">2<\/span>/);
    expect(tags).toMatch(/>Security <span class="count">1<\/span>/);
    expect(page(r, 'tags/networking/index.html')).toContain('SSH brute force');
    expect(page(r, 'tags/provider/index.html')).not.toContain('SSH brute force');
  });

  it('renders the incident: facts, markdown, timeline, links back', async () => {
    const html = page(await buildSite({ root, write: false }), 'incidents/2020-09-02-outbound/index.html');
    expect(html).toContain('<h1 class="page-title">Outbound traffic blocked</h1>');
    expect(html).toContain('<strong>blocked</strong>');
    expect(html).toContain('id="root-cause"');
    expect(html).toContain('SEV2');
    expect(html).toContain('America/Chicago');
    expect(html).toContain('Server disconnected');
    expect(html).toContain('href="../../tags/networking/"');
    expect(html).toContain('href="../../assets/style.');
  });

  it('publishes the §5 timeline JSON', async () => {
    const json = JSON.parse(page(await buildSite({ root, write: false }), 'incidents/2020-09-02-outbound/timeline.json'));
    expect(json.schema).toBe('pm.timeline/1');
    expect(json.incident).toMatchObject({ slug: '2020-09-02-outbound', t0: '2020-09-02T08:25:00.000Z', timezone: 'America/Chicago' });
    expect(json.events[0]).toMatchObject({ at: '2020-08-30T06:40:00.000Z', offset_s: -265500 });
    expect(json.metrics.time_to_detect_s).toBe(5 * 3600 + 20 * 60);
  });

  it('lets a site override one theme file and falls back for the rest', async () => {
    const r = await buildSite({ root, write: false });
    expect(page(r, '404.html')).toContain('Site override: lost?');
    expect(page(r, '404.html')).toContain('<header class="site-header">');
  });

  it('honours URL patterns from the config', async () => {
    const r = await buildSite({ root, write: false, config: { urls: { tag: 'tag_:tag.html', incident: 'p/:slug.html' } } });
    const paths = r.pages.map((p) => p.path);
    expect(paths).toContain('tag_networking.html');
    expect(paths).toContain('p/2020-09-02-outbound.html');
    expect(page(r, 'index.html')).toContain('href="./p/2020-09-02-outbound.html"');
  });

  it('fails with file:line:column and writes nothing on a content error', async () => {
    const bad = path.join(import.meta.dirname, '..', 'fixtures', 'site-bad');
    const r = await buildSite({ root: bad, write: false });
    expect(r.written).toBe(false);
    expect(r.diagnostics.find((d) => d.level === 'error')).toMatchObject({ file: 'posts/2020-01-01-bad.md', line: 3, column: 7, rule: 'frontmatter/date' });
  });
});
