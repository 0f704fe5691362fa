import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../../src/build/build.js';
import { tempDir } from '../../cli/helpers.js';
import { writeCorpus } from './corpus.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const all = (xml: string, tag: string): string[] => [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1] ?? '');

async function corpusSite(n: number, options: Parameters<typeof buildSite>[0] = {}) {
  const root = tempDir('pm-archive-feeds-');
  dirs.push(root);
  writeCorpus(root, n, { config: 'search: false\n', inReviewEvery: 7 });
  const r = await buildSite({ root, write: false, ...options });
  return { r, files: new Map(r.pages.map((p) => [p.path, String(p.contents)])) };
}

describe('service and tag feeds', () => {
  it('services/<service>/feed.xml: that service’s newest 20 incidents, links resolving from the site root', async () => {
    const { r, files } = await corpusSite(150);
    const billing = r.incidents.filter((s) => s.services.includes('Billing'));
    expect(billing.length).toBeGreaterThan(20);
    const xml = files.get('services/billing/feed.xml')!;
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="en" xml:base="..\/..\/">/);
    const entries = all(xml, 'entry');
    expect(entries.map((e) => all(e, 'title')[0])).toEqual(billing.slice(0, 20).map((s) => s.title));
    expect(entries[0]).toContain(`<link rel="alternate" type="text/html" href="${billing[0]!.url}"/>`);
    expect(xml).toContain('<title>Service “Billing” · Post-mortems</title>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="services/billing/feed.xml"/>');
    // the service page names its feed for readers and feed discovery
    const page = files.get('services/billing/index.html')!;
    expect(page).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Service “Billing” · Post-mortems" href="../../services/billing/feed.xml">',
    );
    expect(page).toMatch(/class="metrics-line">\d+ incidents · median time to detect <strong>/);
  });

  it('tags/<tag>/feed.xml with a base URL: absolute links, no xml:base', async () => {
    const { r, files } = await corpusSite(40, { baseUrl: 'https://status.example.org/pm' });
    const tls = r.incidents.filter((s) => s.tags.some((t) => t.slug === 'tls'));
    const xml = files.get('tags/tls/feed.xml')!;
    expect(xml).not.toContain('xml:base');
    expect(all(xml, 'id')[0]).toBe('https://status.example.org/pm/tags/tls/');
    expect(all(xml, 'entry')).toHaveLength(Math.min(20, tls.length));
    expect(xml).toContain(`href="https://status.example.org/pm/${tls[0]!.url}"`);
  });
});

describe('api/v2 like Statuspage', () => {
  it('incidents.json holds the newest 50; incidents.json at the root holds them all; summary.json lists the unresolved', async () => {
    const { r, files } = await corpusSite(130);
    const v2 = JSON.parse(files.get('api/v2/incidents.json')!) as {
      incidents: Array<{ id: string; postmortem_body: string | null; postmortem_published_at: string }>;
    };
    expect(v2.incidents.map((i) => i.id)).toEqual(r.incidents.slice(0, 50).map((s) => s.slug));
    expect(v2.incidents[0]!.postmortem_body).toContain('Unique marker');
    expect(v2.incidents[0]!.postmortem_published_at).toBe(new Date(r.incidents[0]!.date).toISOString());
    const text = files.get('incidents.json')!;
    const all = JSON.parse(text) as { count: number; incidents: unknown[] };
    expect(all.count).toBe(r.incidents.length);
    // one incident a line, between the head line and the closing one
    expect(text.split('\n').slice(1, -2)).toEqual(all.incidents.map((i, n) => `${JSON.stringify(i)}${n < all.count - 1 ? ',' : ''}`));
    expect(all.incidents).toHaveLength(r.incidents.length);
    const summary = JSON.parse(files.get('api/v2/summary.json')!) as {
      status: { indicator: string; description: string };
      incidents: unknown[];
      components: unknown[];
    };
    // every generated incident reaches a resolved milestone
    expect(summary).toMatchObject({ status: { indicator: 'none', description: 'All Systems Operational' }, incidents: [], components: [] });
  });
});
