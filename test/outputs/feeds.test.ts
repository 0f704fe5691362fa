import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';
import { feedContent } from '../../src/outputs/feed-common.js';
import { escapeXml } from '../../src/text/escape.js';
import type { IncidentSummary } from '../../src/render/types.js';

const basic = path.join(import.meta.dirname, '..', 'fixtures', 'site-basic');
const payload = path.join(import.meta.dirname, '..', 'fixtures', 'site-public');
const BASE = 'https://status.example.org/pm';
const TITLE = '<script>alert(1)</script> & "q"';

type Result = Awaited<ReturnType<typeof buildSite>>;
const file = (r: Result, p: string): string => {
  const found = r.pages.find((x) => x.path === p);
  if (!found) throw new Error(`no ${p}; have ${r.pages.map((x) => x.path).join(', ')}`);
  return String(found.contents);
};
/** Text of every `<tag>…</tag>` (no nesting of the same tag in Atom). */
const all = (xml: string, tag: string): string[] => [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1] ?? '');
const unescapeXml = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '');

describe('feed.xml (Atom 1.0)', () => {
  it('has the feed head and one entry per incident, newest first, dated by the incidents', async () => {
    const xml = file(await buildSite({ root: basic, write: false, baseUrl: BASE }), 'feed.xml');
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
    const head = xml.slice(0, xml.indexOf('<entry'));
    expect(all(head, 'id')).toEqual([`${BASE}/`]);
    expect(all(head, 'title')).toEqual(['Post-mortems']);
    expect(all(head, 'updated')).toEqual(['2020-09-02T00:00:00-05:00']);
    expect(head).toContain(`<link rel="self" type="application/atom+xml" href="${BASE}/feed.xml"/>`);
    expect(head).toContain(`<link rel="alternate" type="text/html" href="${BASE}/"/>`);
    const entries = all(xml, 'entry');
    expect(entries).toHaveLength(2);
    expect(entries.map((e) => all(e, 'title')[0])).toEqual(['Outbound traffic blocked', 'SSH brute force']);
    expect(all(entries[0]!, 'id')).toEqual([`${BASE}/incidents/2020-09-02-outbound/`]);
    expect(all(entries[0]!, 'updated')).toEqual(['2020-09-02T00:00:00-05:00']);
    expect(entries[0]).toContain(`<link rel="alternate" type="text/html" href="${BASE}/incidents/2020-09-02-outbound/"/>`);
    expect(all(entries[0]!, 'summary')).toEqual(['The provider cut outbound traffic after an abuse report.']);
    const content = unescapeXml(all(entries[0]!, 'content')[0] ?? '');
    expect(content).toContain('Outbound traffic was <strong>blocked</strong>.');
    expect(content).toContain('Server disconnected');
    expect(content).not.toContain('<svg');
  });

  it('makes relative links in the content absolute against the incident page when a base URL is set', () => {
    const summary: Pick<IncidentSummary, 'url' | 'contentHtml'> = {
      url: 'incidents/x/',
      contentHtml:
        '<p><a href="../../tags/dns/">dns</a> <a href="#root-cause">below</a> <img src="graph.png" alt=""> ' +
        '<a href="https://other.example/a?b=1&amp;c=2">out</a></p>\n<figure class="pm-axis">\n<svg></svg>\n</figure>\n',
    };
    const abs = feedContent(summary, { absolute: true, url: (p) => `${BASE}/${p}`, id: (p) => p });
    expect(abs).toContain(`href="${BASE}/tags/dns/"`);
    expect(abs).toContain(`href="${BASE}/incidents/x/#root-cause"`);
    expect(abs).toContain(`src="${BASE}/incidents/x/graph.png"`);
    expect(abs).toContain('href="https://other.example/a?b=1&amp;c=2"');
    expect(abs).not.toContain('pm-axis');
    const rel = feedContent(summary, { absolute: false, url: (p) => p, id: (p) => p });
    expect(rel).toContain('href="tags/dns/"');
    expect(rel).toContain('href="incidents/x/#root-cause"');
    expect(rel).toContain('src="incidents/x/graph.png"');
  });

  it('uses relative URLs and tag: ids without a base URL', async () => {
    const xml = file(await buildSite({ root: basic, write: false }), 'feed.xml');
    expect(all(xml, 'id')[0]).toBe('tag:pm.invalid,2000:post-mortems:');
    expect(all(xml, 'id')[1]).toBe('tag:pm.invalid,2000:post-mortems:incidents/2020-09-02-outbound/');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="feed.xml"/>');
    expect(xml).toContain('<link rel="alternate" type="text/html" href="incidents/2020-09-02-outbound/"/>');
  });

  it('escapes titles, summaries, authors and content, and never reads the clock', async () => {
    const a = file(await buildSite({ root: payload, write: false }), 'feed.xml');
    expect(a).not.toContain('<script>');
    expect(a).toContain('<title type="text">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;</title>');
    expect(a).toContain('<author><name>&lt;b&gt;mallory&lt;/b&gt;</name></author>');
    const titles = all(a, 'title').map(unescapeXml);
    expect(titles).toContain(TITLE);
    // no stray markup: every `<` in the document opens a known Atom element
    const tags = new Set([...a.matchAll(/<\/?([a-z?]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(
      [
        '?xml',
        'author',
        'category',
        'content',
        'entry',
        'feed',
        'generator',
        'id',
        'link',
        'name',
        'published',
        'subtitle',
        'summary',
        'title',
        'updated',
      ].sort(),
    );
    const again = file(await buildSite({ root: payload, write: false }), 'feed.xml');
    expect(again).toBe(a);
  });

  it('drops characters XML cannot carry', () => {
    expect(escapeXml('a\u0000b\u001bc\ud800d & <e>')).toBe('abcd &amp; &lt;e&gt;');
  });
});

describe('feed.json (JSON Feed 1.1)', () => {
  it('has the version, the items newest first with id, url, title, content, summary, RFC 3339 date and tags', async () => {
    const feed = JSON.parse(file(await buildSite({ root: basic, write: false, baseUrl: BASE }), 'feed.json'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.home_page_url).toBe(`${BASE}/`);
    expect(feed.feed_url).toBe(`${BASE}/feed.json`);
    expect(feed.items.map((i: { title: string }) => i.title)).toEqual(['Outbound traffic blocked', 'SSH brute force']);
    expect(feed.items[0]).toMatchObject({
      id: `${BASE}/incidents/2020-09-02-outbound/`,
      url: `${BASE}/incidents/2020-09-02-outbound/`,
      summary: 'The provider cut outbound traffic after an abuse report.',
      date_published: '2020-09-02T00:00:00-05:00',
      tags: ['Networking', 'provider'],
      authors: [{ name: 'ana' }],
    });
    expect(feed.items[0].content_html).toContain('<strong>blocked</strong>');
    for (const item of feed.items) expect(item.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  });

  it('keeps hostile strings as data: they parse back to exactly what the author wrote', async () => {
    const feed = JSON.parse(file(await buildSite({ root: payload, write: false }), 'feed.json'));
    const item = feed.items.find((i: { title: string }) => i.title === TITLE);
    expect(item).toBeDefined();
    expect(item.url).toBe('incidents/2022-03-01-payload/');
    expect(feed.home_page_url).toBeUndefined();
  });
});

describe('incidents.json', () => {
  it('lists every incident with its summary and metrics under schema pm.incidents/1', async () => {
    const data = JSON.parse(file(await buildSite({ root: basic, write: false }), 'incidents.json'));
    expect(data.schema).toBe('pm.incidents/1');
    expect(data.count).toBe(2);
    expect(data.incidents.map((i: { slug: string }) => i.slug)).toEqual(['2020-09-02-outbound', '2017-01-07-bundle']);
    expect(data.incidents[0]).toEqual({
      slug: '2020-09-02-outbound',
      title: 'Outbound traffic blocked',
      url: 'incidents/2020-09-02-outbound/',
      timeline_url: 'incidents/2020-09-02-outbound/timeline.json',
      date: '2020-09-02T00:00:00-05:00',
      t0: '2020-09-02T08:25:00.000Z',
      timezone: 'America/Chicago',
      display_timezone: 'America/Chicago',
      severity: 'SEV2',
      status: 'resolved',
      tags: ['networking', 'provider'],
      tag_names: ['Networking', 'provider'],
      summary: 'The provider cut outbound traffic after an abuse report.',
      authors: ['ana'],
      services: ['shell', 'irc'],
      duration_s: 10 * 3600 + 43 * 60,
      metrics: { time_to_detect_s: 5 * 3600 + 20 * 60, time_to_acknowledge_s: null, time_to_mitigate_s: null, time_to_resolve_s: 10 * 3600 + 43 * 60 },
      event_count: 4,
      draft: false,
    });
  });
});

describe('sitemap.xml', () => {
  it('lists every HTML page but 404, absolute with a base URL', async () => {
    const r = await buildSite({ root: basic, write: false, baseUrl: BASE });
    const locs = all(file(r, 'sitemap.xml'), 'loc');
    const html = r.pages.map((p) => p.path).filter((p) => p.endsWith('.html') && p !== '404.html' && !p.startsWith('embed/'));
    expect(locs).toEqual(html.map((p) => `${BASE}/${p.replace(/(^|\/)index\.html$/, '$1')}`).sort());
    expect(file(r, 'sitemap.xml')).toContain(`<url><loc>${BASE}/incidents/2020-09-02-outbound/</loc><lastmod>2020-09-02</lastmod></url>`);
  });

  it('follows the URL patterns of the config', async () => {
    const r = await buildSite({ root: basic, write: false, config: { urls: { tag: 'tag_:tag.html', incident: 'p/:slug.html' } } });
    const locs = all(file(r, 'sitemap.xml'), 'loc');
    expect(locs).toContain('p/2020-09-02-outbound.html');
    expect(locs).toContain('tag_networking.html');
    for (const loc of locs) if (loc !== './') expect(r.pages.some((p) => p.path === loc || p.path === `${loc}index.html`)).toBe(true);
  });
});

describe('dates before year 1000 (a history log, or `0024-05-06` for 2024)', () => {
  /** RFC 3339 §5.6 date-time, strictly: four-digit year, two-digit fields, Z or ±hh:mm. */
  const RFC3339 = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
  const post = (date: string, zone: string): string => `---\ntitle: Old ${date}\ndate: ${date}\ntimezone: ${zone}\n---\n\nBody.\n`;

  it('Atom, JSON Feed, incidents.json and the sitemap carry four-digit years', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pm-feed-years-'));
    try {
      mkdirSync(path.join(root, 'posts'));
      writeFileSync(path.join(root, 'posts', 'a.md'), post('0800-06-15', 'UTC'));
      writeFileSync(path.join(root, 'posts', 'b.md'), post('0024-05-06 10:00', 'Asia/Tokyo'));
      writeFileSync(path.join(root, 'posts', 'c.md'), post('0001-01-01', 'UTC'));
      const r = await buildSite({ root, write: false, baseUrl: BASE });
      expect(r.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
      const atom = file(r, 'feed.xml');
      const atomDates = [...all(atom, 'updated'), ...all(atom, 'published')];
      expect(atomDates.length).toBeGreaterThanOrEqual(4);
      for (const d of atomDates) expect(d).toMatch(RFC3339);
      expect(atomDates).toContain('0800-06-15T00:00:00Z');
      // Tokyo kept local mean time (+09:18:59) until 1888: no RFC 3339 offset has seconds, so UTC
      expect(atomDates).toContain('0024-05-06T00:41:01Z');
      const json = JSON.parse(file(r, 'feed.json')) as { items: Array<{ date_published: string }> };
      expect(json.items.map((i) => i.date_published).sort()).toEqual(['0001-01-01T00:00:00Z', '0024-05-06T00:41:01Z', '0800-06-15T00:00:00Z']);
      const list = JSON.parse(file(r, 'incidents.json')) as { incidents: Array<{ date: string }> } | Array<{ date: string }>;
      for (const i of Array.isArray(list) ? list : list.incidents) expect(i.date).toMatch(RFC3339);
      for (const d of all(file(r, 'sitemap.xml'), 'lastmod')) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a date no feed can carry is an error at its place, not a broken feed', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pm-feed-years-'));
    try {
      mkdirSync(path.join(root, 'posts'));
      writeFileSync(path.join(root, 'posts', 'a.md'), post('0000-06-15', 'UTC'));
      const r = await buildSite({ root, write: false, baseUrl: BASE });
      const errors = r.diagnostics.filter((d) => d.level === 'error').map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`);
      expect(errors).toEqual([expect.stringMatching(/^posts\/a\.md:3:7: date: "0000-06-15" is outside the years 0001–9999/)]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
