import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../../src/build/build.js';
import { tempDir } from '../../cli/helpers.js';
import { writeCorpus } from './corpus.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function site(n: number, config = 'search: false\n') {
  const root = tempDir('pm-archive-');
  dirs.push(root);
  const slugs = writeCorpus(root, n, { config });
  const r = await buildSite({ root, write: false });
  const files = new Map(r.pages.map((p) => [p.path, String(p.contents)]));
  return { r, slugs, files };
}

/** Incident links of a list page's main part, in order. */
const rows = (html: string): string[] => [...html.matchAll(/<a class="title" href="[^"]*incidents\/([^/"]+)\/"/g)].map((m) => m[1]!);
const head = (html: string, rel: string): string | null => new RegExp(`<link rel="${rel}" href="([^"]+)">`).exec(html)?.[1] ?? null;

describe('paginated home page (page size 50)', () => {
  for (const [n, pages] of [
    [49, 1],
    [50, 1],
    [51, 2],
    [100, 2],
    [101, 3],
  ] as const) {
    it(`${n} incidents → ${pages} page(s), every incident once, newest first`, async () => {
      const { r, slugs, files } = await site(n);
      expect(r.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
      const listed: string[] = [];
      for (let p = 1; p <= pages; p++) {
        const html = files.get(p === 1 ? 'index.html' : `page/${p}/index.html`);
        expect(html, `page ${p}`).toBeDefined();
        const here = rows(html!);
        expect(here.length).toBe(p < pages ? 50 : n - 50 * (pages - 1));
        listed.push(...here);
        expect(head(html!, 'prev')).toBe(p === 1 ? null : p === 2 ? '../../' : `../../page/${p - 1}/`);
        expect(head(html!, 'next')).toBe(p === pages ? null : p === 1 ? `./page/2/` : `../../page/${p + 1}/`);
      }
      expect(files.has(`page/${pages + 1}/index.html`)).toBe(false);
      expect(files.has('page/1/index.html')).toBe(false);
      expect(listed).toEqual(slugs);
      const sitemap = files.get('sitemap.xml')!;
      expect(sitemap.includes(`<loc>page/${pages}/</loc>`)).toBe(pages > 1);
    });
  }

  it('a year split across pages keeps its heading on the next page, marked continued', async () => {
    const { files } = await site(101);
    const years = (html: string): string[] =>
      [...html.matchAll(/<h2 id="year-(\d+)">\d+( <span class="continued">)?/g)].map((m) => `${m[1]}${m[2] ? '+' : ''}`);
    // 4 days apart from 2025-06-30: page 1 holds 2025 and the end of 2024, pages 2 and 3 go on in 2024
    expect(years(files.get('index.html')!)).toEqual(['2025', '2024']);
    expect(years(files.get('page/2/index.html')!)).toEqual(['2024+']);
    expect(years(files.get('page/3/index.html')!)).toEqual(['2024+']);
    expect(files.get('page/2/index.html')).toContain('Page 2 of 3');
  });

  it('tag and service pages paginate too, and page_size is read from the config', async () => {
    const { r, files } = await site(120, 'search: false\npage_size: 10\n');
    const dns = r.incidents.filter((s) => s.services.includes('dns')).map((s) => s.slug);
    const pages = Math.ceil(dns.length / 10);
    const listed: string[] = [];
    for (let p = 1; p <= pages; p++) listed.push(...rows(files.get(p === 1 ? 'services/dns/index.html' : `services/dns/page/${p}/index.html`)!));
    expect(listed).toEqual(dns);
    expect(files.has(`services/dns/page/${pages + 1}/index.html`)).toBe(false);
    const tagged = r.incidents.filter((s) => s.tags.some((t) => t.slug === 'tls')).length;
    expect(files.has(`tags/tls/page/${Math.ceil(tagged / 10)}/index.html`)).toBe(true);
    expect(rows(files.get('index.html')!)).toHaveLength(10);
  });

  it('a tag URL pattern ending in .html keeps that style for its pages and feed', async () => {
    const { files } = await site(60, 'search: false\npage_size: 5\nurls:\n  tag: topics/:tag.html\n');
    expect(files.has('topics/dns.html')).toBe(true);
    expect(files.has('topics/dns/page/2.html')).toBe(true);
    expect(files.has('topics/dns/feed.xml')).toBe(true);
    expect(head(files.get('topics/dns/page/2.html')!, 'prev')).toBe('../../../topics/dns.html');
  });
});
