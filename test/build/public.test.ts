import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';

const root = path.join(import.meta.dirname, '..', 'fixtures', 'site-public');
const INTERNAL = 'INTERNAL-MARKER-7f3a';
const DRAFT = ['DRAFT-TITLE-91c2', 'DRAFT-EVENT-55d0', '2022-04-01-secret-draft', 'drafty'];

type Result = Awaited<ReturnType<typeof buildSite>>;
const text = (r: Result): Array<[string, string]> => r.pages.map((p) => [p.path, String(p.contents)]);
const holding = (r: Result, marker: string): string[] =>
  text(r)
    .filter(([, c]) => c.includes(marker))
    .map(([p]) => p);

describe('pm build --public', () => {
  it('leaves [internal] events and drafts out of every output, even with drafts asked for', async () => {
    const pub = await buildSite({ root, write: false, public: true, drafts: true });
    expect(pub.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(pub.pages.length).toBeGreaterThan(10);
    for (const marker of [INTERNAL, ...DRAFT]) expect(holding(pub, marker)).toEqual([]);
    expect(pub.incidents.map((i) => i.slug)).toEqual(['2022-03-01-payload', '2021-01-01-plain']);
  });

  it('keeps them in the internal build (so the test above can fail)', async () => {
    const internal = await buildSite({ root, write: false, drafts: true });
    const withInternal = holding(internal, INTERNAL);
    for (const p of ['incidents/2022-03-01-payload/index.html', 'incidents/2022-03-01-payload/timeline.json', 'feed.xml', 'feed.json']) {
      expect(withInternal).toContain(p);
    }
    const withDraft = holding(internal, 'DRAFT-TITLE-91c2');
    for (const p of ['index.html', 'feed.xml', 'feed.json', 'incidents.json', 'incidents/2022-04-01-secret-draft/index.html']) {
      expect(withDraft).toContain(p);
    }
    expect(holding(internal, 'incidents/2022-04-01-secret-draft/')).toContain('sitemap.xml');
  });

  it('keeps the public timeline consistent: the next event’s delta spans the removed one, metrics stay', async () => {
    const pub = await buildSite({ root, write: false, public: true });
    const json = JSON.parse(String(pub.pages.find((p) => p.path === 'incidents/2022-03-01-payload/timeline.json')?.contents));
    const texts = json.events.map((e: { text: string }) => e.text);
    expect(texts.some((t: string) => t.includes('Pager fires'))).toBe(true);
    const ack = json.events.find((e: { milestone: string | null }) => e.milestone === 'acknowledged');
    expect(ack.delta_s).toBe(18 * 60);
    expect(json.events.some((e: { internal?: boolean }) => 'internal' in e)).toBe(false);
    expect(json.metrics.time_to_detect_s).toBe(12 * 60);
    const data = JSON.parse(String(pub.pages.find((p) => p.path === 'incidents.json')?.contents));
    expect(data.incidents.find((i: { slug: string }) => i.slug === '2022-03-01-payload').event_count).toBe(6);
  });

  it('escapes the hostile title and summary in every HTML page', async () => {
    const pub = await buildSite({ root, write: false, public: true });
    for (const [p, c] of text(pub)) {
      if (!p.endsWith('.html') && !p.endsWith('.xml')) continue;
      expect(c, p).not.toContain('<script>alert');
      expect(c, p).not.toContain('<b>mallory');
    }
    const page = String(pub.pages.find((p) => p.path === 'incidents/2022-03-01-payload/index.html')?.contents);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;');
  });
});
