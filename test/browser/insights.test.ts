/**
 * The insights and follow-ups pages of a generated archive (320 incidents, five years) in
 * Chromium: screenshots light, dark, narrow and print under test-output/screenshots/ for a
 * human to look at; axe finds no serious or critical violation on either page in either
 * scheme; without --today the page's script marks overdue items against the reader's day.
 */
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';
import { tempDir } from '../cli/helpers.js';
import { generateSite } from '../insights/generate.js';
import { launch, noProblems, skipBrowser, watchProblems } from './chromium.js';
import { serveDir, type StaticServer } from './serve.js';
import { repoRoot } from './site.js';

const shots = path.join(repoRoot, 'test-output', 'screenshots');
const axePath = path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');
const TODAY = '2025-09-30';

describe.skipIf(skipBrowser)('insights and follow-ups in Chromium', () => {
  let browser: Browser;
  let root: string;
  let judged: StaticServer;
  let undated: StaticServer;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    root = tempDir('pm-insights-browser-');
    generateSite(root, 320);
    for (const [out, today] of [
      ['judged', TODAY],
      ['undated', null],
    ] as const) {
      const r = await buildSite({ root, out: path.join(root, out), today, cache: false });
      expect(r.written).toBe(true);
    }
    judged = await serveDir(path.join(root, 'judged'));
    undated = await serveDir(path.join(root, 'undated'));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await judged?.close();
    await undated?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const variants = [
    { page: 'insights', width: 1280, scheme: 'light' },
    { page: 'insights', width: 1280, scheme: 'dark' },
    { page: 'insights', width: 390, scheme: 'light' },
    { page: 'follow-ups', width: 1280, scheme: 'light' },
    { page: 'follow-ups', width: 1280, scheme: 'dark' },
  ] as const;
  for (const v of variants) {
    it(`${v.page} ${v.scheme} ${v.width}: screenshot, no sideways overflow, no console error`, async () => {
      const context = await browser.newContext({ viewport: { width: v.width, height: 900 }, colorScheme: v.scheme });
      const page = await context.newPage();
      const problems = watchProblems(page);
      expect((await page.goto(`${judged.url}${v.page}/`))?.status()).toBe(200);
      const file = path.join(shots, `${v.page}-${v.scheme}-${v.width}.png`);
      await page.screenshot({ path: file, fullPage: v.page === 'insights' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      await context.close();
      expect(statSync(file).size).toBeGreaterThan(20_000);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(problems).toEqual(noProblems);
    });
  }

  it('prints the insights page dark text on white with the charts in colour', async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 1200 }, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${judged.url}insights/`);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    await page.screenshot({ path: path.join(shots, 'insights-print.png'), fullPage: true });
    const fill = await page.evaluate(() => getComputedStyle(document.querySelector('.ins-chart rect.ins-sev-1')!).fill);
    const fg = await page.evaluate(() => getComputedStyle(document.body).color);
    await context.close();
    expect(fill).toBe('rgb(179, 38, 30)');
    expect(fg).toBe('rgb(0, 0, 0)');
  });

  for (const name of ['insights', 'follow-ups']) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`axe: ${name} (${scheme}) has no serious or critical violation`, async () => {
        // bypassCSP: axe is injected as a script, which the follow-ups page's policy (rightly) refuses
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme, bypassCSP: true });
        const page = await context.newPage();
        await page.goto(`${(name === 'follow-ups' ? undated : judged).url}${name}/`);
        await page.addScriptTag({ path: axePath });
        const results = (await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(): Promise<unknown> } }).axe;
          return JSON.parse(JSON.stringify(await axe.run())) as unknown;
        })) as { violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }>; passes: unknown[] };
        await context.close();
        expect(results.passes.length).toBeGreaterThan(0);
        const bad = results.violations
          .filter((x) => x.impact === 'serious' || x.impact === 'critical')
          .map(
            (x) =>
              `${x.id} (${x.impact}): ${x.nodes
                .slice(0, 3)
                .map((n) => JSON.stringify(n.target))
                .join(', ')}`,
          );
        expect(bad).toEqual([]);
      });
    }
  }

  it("without --today, the page marks the items overdue on the reader's day (and the page was complete without it)", async () => {
    const data = JSON.parse(readFileSync(path.join(root, 'undated', 'follow-ups.json'), 'utf8')) as { items: Array<{ done: boolean; due: string | null }> };
    const want = data.items.filter((i) => !i.done && i.due !== null && i.due < TODAY).length;
    const context = await browser.newContext({ timezoneId: 'Pacific/Auckland' });
    const page = await context.newPage();
    // 2025-09-29 12:00 UTC is already the 30th in Auckland: the reader's own day counts
    await page.clock.setFixedTime(new Date('2025-09-29T12:00:00Z'));
    const problems = watchProblems(page);
    await page.goto(`${undated.url}follow-ups/`);
    // rows of this page due before the reader's day; the count in the lede covers every page (the owners table's due days)
    const here = await page.locator('tr[data-due]').evaluateAll((rows, today) => rows.filter((r) => (r.getAttribute('data-due') ?? '') < today).length, TODAY);
    const marked = await page.locator('tr.fu-overdue').count();
    const badges = await page.locator('tr.fu-overdue .fu-badge').count();
    const summary = await page.locator('[data-overdue-count]').textContent();
    await page.screenshot({ path: path.join(shots, 'follow-ups-browser-marked.png') });
    await context.close();
    expect(want).toBeGreaterThan(10);
    expect(here).toBeGreaterThan(0);
    expect(marked).toBe(here);
    expect(badges).toBe(here);
    expect(summary).toContain(`${want} overdue today (2025-09-30)`);
    expect(problems).toEqual(noProblems);
  });
});
