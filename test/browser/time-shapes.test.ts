/**
 * The tilde-style, hashbang-style and burst incidents in a real browser: the axis as drawn
 * (positions measured on the page), screenshots light and dark for a human to look at
 * (test-output/screenshots/axis-*.png), and the <pm-timeline> element labelling zones by the
 * same rule as the site and the CLI (time/format.ts), whatever the browser's locale names.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLocal, isoToMs } from '../../src/time/format.js';
import { normalizeZone } from '../../src/time/zones.js';
import type { TimelineJson } from '../../src/timeline/types.js';
import { writeShapes } from '../render/axis/shapes.js';
import { launch, noProblems, skipBrowser, watchProblems } from './chromium.js';
import { hostPage } from './embed-helpers.js';
import { serveDir, type StaticServer } from './serve.js';
import { buildInto, repoRoot } from './site.js';

const shots = path.join(repoRoot, 'test-output', 'screenshots');
const HASHBANG = '2020-09-02-hashbang';
const ZONES = ['Asia/Tokyo', 'Asia/Kolkata', 'Asia/Kathmandu', 'Europe/London', 'US/Central', 'UTC+5:30', 'UTC'];

describe.skipIf(skipBrowser)('time as the reader sees it, in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  let src: string;
  let out: string;
  let json: TimelineJson;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    src = mkdtempSync(path.join(tmpdir(), 'pm-time-shapes-'));
    writeShapes(src);
    out = (await buildInto(src, 'pm-time-shapes-out-')).out;
    json = JSON.parse(readFileSync(path.join(out, 'incidents', HASHBANG, 'timeline.json'), 'utf8')) as TimelineJson;
    server = await serveDir(out);
    const elements = Object.fromEntries([['home', {}], ['local', { zone: 'local' }], ...ZONES.map((z, i) => [`z${i}`, { zone: z }])]);
    writeFileSync(path.join(out, 'zones.html'), hostPage({ site: server.url, slug: HASHBANG, elements }));
    writeFileSync(path.join(out, 'approx.html'), hostPage({ site: server.url, slug: '2024-03-11-burst', elements: { burst: {} } }));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(src, { recursive: true, force: true });
    rmSync(path.dirname(out), { recursive: true, force: true });
  });

  const marks = (page: Page, svg: string, axis: 'x' | 'y'): Promise<number[]> =>
    page.locator(`${svg} circle`).evaluateAll(
      (cs, a) =>
        cs
          .map((c) => {
            const r = c.getBoundingClientRect();
            return a === 'x' ? r.left + r.width / 2 : r.top + r.height / 2;
          })
          .sort((p, q) => p - q),
      axis,
    );
  const steps = (xs: number[]): number[] => xs.slice(1).map((x, i) => x - xs[i]!);

  for (const scheme of ['light', 'dark'] as const) {
    for (const slug of ['2018-11-13-tilde', HASHBANG, '2024-03-11-burst']) {
      it(`${slug} ${scheme}: the axis as drawn, wide and on a phone`, async () => {
        for (const width of [1280, 390]) {
          const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
          const page = await context.newPage();
          const problems = watchProblems(page);
          expect((await page.goto(`${server.url}incidents/${slug}/`))?.status()).toBe(200);
          const wide = width > 600;
          const svg = wide ? 'svg.pm-axis-h' : 'svg.pm-axis-v';
          await expect.poll(() => page.locator(svg).isVisible()).toBe(true);
          const at = await marks(page, svg, wide ? 'x' : 'y');
          const s = steps(at);
          if (slug === '2018-11-13-tilde') {
            // 30 minutes, then 8h30m, then 9h20m: the steps grow in that order on screen
            expect(s).toHaveLength(3);
            expect(s[0]!).toBeLessThan(s[1]!);
            expect(s[1]!).toBeLessThan(s[2]!);
          }
          if (slug === HASHBANG && wide) {
            expect(s).toHaveLength(5);
            expect(s[3]! / s[2]!).toBeCloseTo(103 / 320, 1); // 1h43m vs 5h20m, drawn linearly
          }
          await page.locator('figure.pm-axis').screenshot({ path: path.join(shots, `axis-${slug}-${scheme}-${width}.png`) });
          expect(problems).toEqual(noProblems);
          await context.close();
        }
      });
    }
  }

  it('<pm-timeline> labels every zone as the site and the CLI do (JST, IST, UTC+5:45, BST, CDT)', async () => {
    const context = await browser.newContext({ viewport: { width: 960, height: 900 }, timezoneId: 'Asia/Calcutta', locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${server.url}zones.html`);
    const times = async (id: string): Promise<string[]> => {
      await page.waitForSelector(`pm-timeline#${id} .pm-event`);
      return page.locator(`pm-timeline#${id} .pm-event time`).allTextContents();
    };
    const site = (zone: string): string[] => json.events.map((e) => formatLocal(isoToMs(e.at), zone));
    expect(await times('home')).toEqual(json.events.map((e) => e.local));
    expect(json.events[2]!.local).toBe('2020-09-02 03:25 CDT');
    for (const [i, z] of ZONES.entries()) {
      const zone = normalizeZone(z);
      if (!zone.ok) throw new Error(z);
      expect(await times(`z${i}`)).toEqual(site(zone.zone));
    }
    // the viewer's zone, which Chromium names by its legacy link
    const local = await times('local');
    expect(local).toEqual(site('Asia/Kolkata'));
    expect(local[2]).toBe('2020-09-02 13:55 IST');
    expect((await times('z0'))[2]).toBe('2020-09-02 17:25 JST');
    expect((await times('z2'))[2]).toBe('2020-09-02 14:10 UTC+5:45');
    expect((await times('z3'))[2]).toBe('2020-09-02 09:25 BST');
    // an approximate-free T0 has no ~, and the caption names T0 in the element's zone
    expect(await page.locator('pm-timeline#z0 .pm-zone').textContent()).toContain('T0 2020-09-02 17:25 JST');
    await context.close();
  });

  it('<pm-timeline> keeps the ~ of an approximate T0 in its caption', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}approx.html`);
    await page.waitForSelector('pm-timeline#burst .pm-event');
    expect(await page.locator('pm-timeline#burst .pm-zone').textContent()).toBe('Times in UTC; T0 ~2024-03-11 14:00 UTC');
    await context.close();
  });
});
