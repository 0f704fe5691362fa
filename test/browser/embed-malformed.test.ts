/**
 * <pm-timeline> pointed at a timeline.json that is not what pm writes — truncated by a
 * proxy, an HTML page from a catch-all route, hand-edited with the wrong shapes — shows
 * its error state (role=alert, a pm-error event) instead of "Loading…" forever, and
 * throws nothing into the host page.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';
import { launch, skipBrowser, watchProblems } from './chromium.js';
import { hostPage, serveWithCors } from './embed-helpers.js';
import { serveDir, type StaticServer } from './serve.js';

const FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'site-basic');
const SLUG = '2020-09-02-outbound';

describe.skipIf(skipBrowser)('<pm-timeline> with malformed timeline data', () => {
  let browser: Browser;
  let site: StaticServer;
  let host: StaticServer;
  let dir: string;
  const variants: Record<string, (valid: string, json: Record<string, unknown>) => string> = {
    truncated: (valid) => valid.slice(0, Math.floor(valid.length / 2)),
    empty: () => '',
    html: () => '<!doctype html><title>Home</title><p>Welcome',
    'null-event': (_, j) => JSON.stringify({ ...j, events: [null] }),
    'number-events': (_, j) => JSON.stringify({ ...j, events: [1, 2] }),
    'bad-at': (_, j) => JSON.stringify({ ...j, events: (j['events'] as object[]).map((e) => ({ ...e, at: 'yesterday' })) }),
    'number-zone': (_, j) => JSON.stringify({ ...j, incident: { ...(j['incident'] as object), display_timezone: 42 } }),
    'string-incident': (_, j) => JSON.stringify({ ...j, incident: 'oops' }),
  };
  const oddSource = (j: Record<string, unknown>): string =>
    JSON.stringify({ ...j, events: (j['events'] as object[]).map((e) => ({ ...e, source: 7, end: {} })) });

  beforeAll(async () => {
    const built = await buildSite({ root: FIXTURE, write: false });
    const page = (p: string): string => String(built.pages.find((x) => x.path === p)?.contents ?? '');
    dir = mkdtempSync(path.join(tmpdir(), 'pm-embed-bad-'));
    mkdirSync(path.join(dir, 'site', 'embed'), { recursive: true });
    mkdirSync(path.join(dir, 'host'));
    writeFileSync(path.join(dir, 'site', 'embed', 'pm-timeline.js'), page('embed/pm-timeline.js'));
    const valid = page(`incidents/${SLUG}/timeline.json`);
    writeFileSync(path.join(dir, 'site', 'good.json'), valid);
    writeFileSync(path.join(dir, 'site', 'odd-source.json'), oddSource(JSON.parse(valid) as Record<string, unknown>));
    for (const [name, make] of Object.entries(variants))
      writeFileSync(path.join(dir, 'site', `${name}.json`), make(valid, JSON.parse(valid) as Record<string, unknown>));
    site = await serveWithCors(path.join(dir, 'site'));
    const elements = Object.fromEntries(['good', 'odd-source', ...Object.keys(variants)].map((name) => [name, { src: `${site.url}${name}.json` }]));
    writeFileSync(path.join(dir, 'host', 'index.html'), hostPage({ site: site.url, slug: SLUG, elements }));
    host = await serveDir(path.join(dir, 'host'));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await host?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What each element shows: its state line (class, role, text) or its rendered rows. */
  const states = (page: Page): Promise<Record<string, { cls: string; role: string; text: string; busy: string; rows: number; sources: string[] }>> =>
    page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('pm-timeline')].map((el) => {
          const p = el.shadowRoot?.querySelector('.pm-state');
          const sources = [...(el.shadowRoot?.querySelectorAll('.pm-source') ?? [])].map((s) => s.textContent ?? '');
          return [
            el.id,
            {
              cls: p?.className ?? '',
              role: p?.getAttribute('role') ?? '',
              text: p?.textContent ?? '',
              busy: el.getAttribute('aria-busy') ?? '',
              rows: el.shadowRoot?.querySelectorAll('.pm-event').length ?? 0,
              sources,
            },
          ];
        }),
      ),
    );

  it('every malformed document ends in the error state; valid ones still render', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __pmErrors: string[] }).__pmErrors = seen;
      document.addEventListener('pm-error', (e) => seen.push((e.target as Element).id), true);
    });
    await page.goto(host.url);
    const settled = (s: { cls: string; rows: number }): boolean => s.rows > 0 || s.cls.includes('pm-error');
    await expect.poll(async () => Object.values(await states(page)).every(settled), { timeout: 10_000 }).toBe(true);
    const shown = await states(page);
    for (const name of Object.keys(variants)) {
      expect([name, shown[name]]).toEqual([
        name,
        expect.objectContaining({
          cls: 'pm-state pm-error',
          role: 'alert',
          busy: 'false',
          rows: 0,
          text: expect.stringMatching(/^Timeline unavailable \(.+\)\.$/),
        }),
      ]);
    }
    expect(shown['good']?.rows).toBe(4);
    // odd but harmless extras (a numeric source, an object end) still render, without "undefined"
    expect(shown['odd-source']?.rows).toBe(4);
    expect(shown['odd-source']?.sources.join(' ')).not.toContain('undefined');
    const errored = await page.evaluate(() => (window as unknown as { __pmErrors: string[] }).__pmErrors);
    expect([...errored].sort()).toEqual(Object.keys(variants).sort());
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  }, 60_000);
});
