/**
 * insights.json and follow-ups.json of a generated archive of 320 incidents over five
 * years, against numbers computed from the generator's model (expected.ts), through the
 * library (`buildSite({ write: false })`), in public builds and with drafts.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';
import { tempDir } from '../cli/helpers.js';
import { generateSite, METRICS, type ModelIncident } from './generate.js';
import { allMonths, frequent, levelOf, metricsOf, periodCounts, quarterOf, slugOf } from './expected.js';

/** Script tags other than pm's own search box (a same-origin asset on every page when search is on). */
const otherScripts = (html: string): string[] =>
  [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!).filter((attrs) => !/^ src="(\.\.\/)*assets\/search\.[0-9a-f]+\.js" defer$/.test(attrs));

const TODAY = '2024-06-30';
/** Every page of the follow-ups list, in order. */
const followUpPages = (built: Map<string, string>): string[] =>
  [...built.keys()]
    .filter((p) => /^follow-ups\/(page\/\d+\/)?index\.html$/.test(p))
    .sort((a, b) => Number(/\d+/.exec(a)?.[0] ?? 1) - Number(/\d+/.exec(b)?.[0] ?? 1))
    .map((p) => built.get(p)!);
let root: string;
let model: ModelIncident[];
let published: ModelIncident[];
let pages: Map<string, string>;
const json = (file: string): any => JSON.parse(pages.get(file) ?? 'null');

async function build(options: { public?: boolean; drafts?: boolean; today?: string | null } = {}): Promise<Map<string, string>> {
  const result = await buildSite({ root, out: path.join(root, 'dist'), write: false, today: TODAY, ...options });
  expect(result.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  return new Map(result.pages.map((p) => [p.path, String(p.contents)]));
}

beforeAll(async () => {
  root = tempDir('pm-insights-');
  model = generateSite(root, 320);
  published = model.filter((i) => !i.draft);
  pages = await build();
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('insights.json', () => {
  it('counts incidents per month and per quarter by severity, months without incidents included', () => {
    const data = json('insights.json');
    expect(data.count).toBe(published.length);
    expect(published.length).toBeGreaterThan(280);
    const days = published.map((i) => i.day).sort();
    const months = allMonths(days[0]!.slice(0, 7), days[days.length - 1]!.slice(0, 7));
    expect(data.months).toEqual(periodCounts(published, (d) => d.slice(0, 7), months));
    const quarters = [...new Set(months.map((m) => quarterOf(`${m}-01`)))];
    expect(data.quarters).toEqual(periodCounts(published, quarterOf, quarters));
    expect(data.months.reduce((n: number, m: { count: number }) => n + m.count, 0)).toBe(published.length);
  });

  it('gives median and p90 of each time per quarter, the trend, and counts the incidents without metrics', () => {
    const data = json('insights.json');
    for (const row of data.times.by_quarter) {
      const here = published.filter((i) => quarterOf(i.day) === row.period);
      expect(row.count).toBe(here.length);
      const want = metricsOf(here);
      for (const m of METRICS) expect(row[m], `${row.period} ${m}`).toEqual(want[m]);
    }
    const overall = metricsOf(published);
    for (const m of METRICS) {
      expect(data.times.overall[m]).toEqual(overall[m]);
      expect(data.without_metrics[m]).toBe(published.filter((i) => i.metrics[m] === null).length);
      const known = data.times.by_quarter.filter((q: Record<string, { median_s: number | null }>) => q[m]!.median_s !== null);
      const [before, last] = known.slice(-2);
      expect(data.times.trend[m]).toMatchObject({
        period: last.period,
        previous_period: before.period,
        median_s: last[m].median_s,
        previous_median_s: before[m].median_s,
      });
    }
    expect(overall.resolve.missing).toBeGreaterThan(20); // the archive really has incidents without metrics
    expect(data.without_metrics.any_metric).toBe(published.filter((i) => METRICS.every((m) => i.metrics[m] === null)).length);
    expect(data.without_metrics.any_metric).toBeGreaterThan(10);
  });

  it('gives the same times by service and by tag, and the most frequent services, tags and root causes', () => {
    const data = json('insights.json');
    const services = frequent(published, (i) => i.services);
    expect(data.top.services.map((s: { slug: string; count: number }) => ({ slug: s.slug, count: s.count }))).toEqual(services);
    expect(data.top.tags.map((s: { slug: string; count: number }) => ({ slug: s.slug, count: s.count }))).toEqual(frequent(published, (i) => i.tags));
    expect(data.top.root_causes.map((s: { slug: string; count: number }) => ({ slug: s.slug, count: s.count }))).toEqual(
      frequent(published, (i) => i.rootCauses),
    );
    for (const row of data.times.by_service) {
      const want = metricsOf(published.filter((i) => i.services.some((s) => slugOf(s) === row.slug)));
      for (const m of METRICS) expect(row[m], `${row.slug} ${m}`).toEqual(want[m]);
    }
    for (const row of data.times.by_tag) {
      const want = metricsOf(published.filter((i) => i.tags.includes(row.slug)));
      expect(row.resolve).toEqual(want.resolve);
    }
    expect(data.top.services.find((s: { slug: string }) => s.slug === 'payments-billing')?.name).toBe('Payments & <Billing>');
    const levels = Object.fromEntries(data.severity_levels.map((l: { key: string; count: number }) => [l.key, l.count]));
    for (const key of ['sev-1', 'sev-2', 'sev-3', 'sev-4', 'sev-unknown'])
      expect(levels[key]).toBe(published.filter((i) => levelOf(i.severity) === key).length);
  });
});

describe('follow-ups.json', () => {
  it('lists every action item of every published incident with owner, due, status, incident and issue links', () => {
    const data = json('follow-ups.json');
    const want = published.flatMap((i) => i.actions.map((a) => ({ slug: i.slug, text: a.text, owner: a.owner, due: a.due, done: a.done, issues: a.urls })));
    const got = data.items.map((it: any) => ({
      slug: it.incident.slug,
      text: it.text,
      owner: it.owner,
      due: it.due,
      done: it.done,
      issues: it.issues.map((l: { url: string }) => l.url),
    }));
    const key = (x: { slug: string; text: string }): string => `${x.slug}\0${x.text}`;
    expect([...got].sort((a, b) => (key(a) < key(b) ? -1 : 1))).toEqual([...want].sort((a, b) => (key(a) < key(b) ? -1 : 1)));
    expect(data.count).toBe(want.length);
    expect(data.open).toBe(want.filter((a) => !a.done).length);
    // in page order: the incidents' order in incidents.json
    const order = json('incidents.json').incidents.map((i: { slug: string }) => i.slug);
    const seen = [...new Set(data.items.map((it: { incident: { slug: string } }) => it.incident.slug))];
    expect(seen).toEqual(order.filter((s: string) => seen.includes(s)));
    expect(data.items.find((it: { issues: unknown[] }) => it.issues.length)?.issues[0].label).toMatch(/^(#\d+|OPS-\d+|https:)/);
  });

  it('groups by owner and marks overdue against --today', () => {
    const data = json('follow-ups.json');
    const all = published.flatMap((i) => i.actions);
    const overdue = all.filter((a) => !a.done && a.due !== null && a.due < TODAY);
    expect(data.today).toBe(TODAY);
    expect(data.overdue).toBe(overdue.length);
    expect(overdue.length).toBeGreaterThan(10);
    const owners = [...new Set(all.map((a) => a.owner))];
    expect(data.owners.map((o: { owner: string | null }) => o.owner)).toEqual([
      ...owners.filter((o) => o !== null).sort(),
      ...(owners.includes(null) ? [null] : []),
    ]);
    for (const o of data.owners) {
      const mine = all.filter((a) => a.owner === o.owner);
      expect(o).toEqual({
        owner: o.owner,
        open: mine.filter((a) => !a.done).length,
        done: mine.filter((a) => a.done).length,
        overdue: overdue.filter((a) => a.owner === o.owner).length,
      });
    }
  });

  it('the pages show each open item under its owner, overdue ones marked in words, and no script when the day is known', () => {
    const html = followUpPages(pages).join('\n');
    const data = json('follow-ups.json');
    expect(html.match(/<tr class="fu-item fu-overdue"/g)?.length).toBe(data.overdue);
    expect(html.match(/<strong class="fu-badge">overdue<\/strong>/g)?.length).toBe(data.overdue);
    expect(otherScripts(html)).toEqual([]);
    for (const o of data.owners) expect(html).toContain(`>${o.owner ?? 'No owner'} <span class="count">`);
    expect(html).toContain('href="https://acme.atlassian.net/browse/OPS-');
  });

  it("without a day, nothing is judged at build time and the reader's browser marks overdue items", async () => {
    const undated = await build({ today: null });
    const data = JSON.parse(undated.get('follow-ups.json')!);
    expect(data.today).toBeNull();
    expect(data.overdue).toBeNull();
    expect(data.items.every((i: { overdue: unknown }) => i.overdue === null)).toBe(true);
    const html = followUpPages(undated).join('\n');
    expect(html).not.toContain('fu-item fu-overdue');
    expect(html).toContain('<script>');
    expect(html.match(/data-due="\d{4}-\d{2}-\d{2}"/g)?.length).toBe(data.items.filter((i: { done: boolean; due: string | null }) => !i.done && i.due).length);
    expect(undated.get('insights.json')).toBe(pages.get('insights.json'));
  });
});

describe('the pages', () => {
  it('the insights page draws its charts as SVG with a table or text for each, every name escaped, no script', () => {
    const html = pages.get('insights/index.html')!;
    expect(otherScripts(html)).toEqual([]);
    expect(html.match(/<svg class="ins-chart/g)?.length).toBe(2 + 4 + 3);
    expect(html.match(/<svg [^>]*role="img" aria-label="[^"]+"/g)?.length).toBe(9);
    expect(html).toContain('Payments &amp; &lt;Billing&gt;');
    expect(html).not.toContain('<Billing>');
    expect(html.match(/<details>/g)?.length).toBeGreaterThanOrEqual(6);
  });

  it("are linked from every page's navigation", () => {
    expect(pages.get('index.html')).toContain('<a href="./insights/">Insights</a>');
    const incident = [...pages.keys()].find((p) => p.startsWith('incidents/') && p.endsWith('index.html'))!;
    expect(pages.get(incident)).toContain('<a href="../../follow-ups/">Follow-ups</a>');
  });
});

describe('public builds and drafts', () => {
  it('--public gives the same insights and follow-ups (drafts left out) and none of the [internal] text', async () => {
    const pub = await build({ public: true });
    expect(pub.get('insights.json')).toBe(pages.get('insights.json'));
    expect(pub.get('follow-ups.json')).toBe(pages.get('follow-ups.json'));
    const internal = model.filter((i) => i.internal && !i.draft);
    expect(internal.length).toBeGreaterThan(20);
    for (const file of ['insights.json', 'follow-ups.json', 'insights/index.html', 'follow-ups/index.html']) {
      for (const i of internal) expect(pub.get(file)).not.toContain(i.internal!);
    }
  });

  it('--drafts counts the drafts too; a public build with drafts: true still leaves them out', async () => {
    const drafts = model.filter((i) => i.draft);
    expect(drafts.length).toBeGreaterThan(3);
    const withDrafts = await build({ drafts: true });
    expect(JSON.parse(withDrafts.get('insights.json')!).count).toBe(model.length);
    const both = await build({ drafts: true, public: true });
    expect(JSON.parse(both.get('insights.json')!).count).toBe(published.length);
    expect(both.get('follow-ups.json')).not.toContain(drafts[0]!.slug);
  });
});
