/**
 * What a reader notices on the sample site, in Chromium: on a phone the post's first
 * section starts on the first screen (the facts box no longer fills it) and no date breaks
 * across lines; open and done action items look different in light and dark.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, skipBrowser } from './chromium.js';
import { serveDir, type StaticServer } from './serve.js';
import { buildInto, repoRoot } from './site.js';

const PAGE = 'incidents/2024-01-07-ssh-brute-force/';

describe.skipIf(skipBrowser)('reader polish', () => {
  let browser: Browser;
  let server: StaticServer;
  let out = '';
  beforeAll(async () => {
    out = (await buildInto(repoRoot, 'pm-polish-')).out;
    server = await serveDir(out);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (out) rmSync(path.dirname(out), { recursive: true, force: true });
  });

  it('on a 390×800 phone the Summary heading is on the first screen; dates stay on one line', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url + PAGE);
    const top = await page.locator('h2#summary').evaluate((h) => h.getBoundingClientRect().top);
    expect(top).toBeLessThan(800);
    await page.goto(server.url);
    // every date of the index (in rows with long titles too) is one line high
    const heights = await page
      .locator('.incident-row time')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight || '20')));
    expect(heights.length).toBeGreaterThan(3);
    for (const h of heights) expect(h).toBeLessThan(1.5);
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`open and done action items look different (${scheme})`, async () => {
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(server.url + PAGE);
      const look = await page.locator('.task-list-item').evaluateAll((items) =>
        items.map((li) => {
          const s = getComputedStyle(li);
          return { done: (li.querySelector('input') as HTMLInputElement).checked, color: s.color, line: s.textDecorationLine, bar: s.borderLeftColor };
        }),
      );
      await context.close();
      const done = look.filter((l) => l.done);
      const open = look.filter((l) => !l.done);
      expect(done.length).toBeGreaterThan(0);
      expect(open.length).toBeGreaterThan(0);
      for (const d of done) expect(d.line).toBe('line-through');
      for (const o of open) {
        expect(o.line).toBe('none');
        expect(o.bar).not.toBe('rgba(0, 0, 0, 0)');
        expect(o.color).not.toBe(done[0]!.color);
      }
    });
  }
});
