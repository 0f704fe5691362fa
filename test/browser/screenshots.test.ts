/**
 * Looked at: full-page screenshots of the index and two incident pages, light and dark,
 * wide and narrow, plus print, saved under test-output/screenshots/ for a human to review.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, noProblems, skipBrowser, watchProblems } from './chromium.js';
import { serveDir, type StaticServer } from './serve.js';
import { buildInto, repoRoot } from './site.js';

const shots = path.join(repoRoot, 'test-output', 'screenshots');
const pages: Array<{ name: string; path: string }> = [
  { name: 'index', path: '' },
  { name: 'ssh-brute-force', path: 'incidents/2024-01-07-ssh-brute-force/' },
  { name: 'kiln-outbound', path: 'incidents/2023-05-16-kiln-outbound-blocked/' },
];
const variants: Array<{ suffix: string; width: number; scheme: 'light' | 'dark' }> = [
  { suffix: 'light-1280', width: 1280, scheme: 'light' },
  { suffix: 'dark-1280', width: 1280, scheme: 'dark' },
  { suffix: 'light-390', width: 390, scheme: 'light' },
];

describe.skipIf(skipBrowser)('screenshots of the sample site', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const site = await buildInto(repoRoot);
    server = await serveDir(site.out);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const p of pages) {
    for (const v of variants) {
      it(`${p.name} ${v.suffix}`, async () => {
        const context = await browser.newContext({ viewport: { width: v.width, height: 900 }, colorScheme: v.scheme });
        const page = await context.newPage();
        const problems = watchProblems(page);
        const response = await page.goto(server.url + p.path);
        expect(response?.status()).toBe(200);
        const file = path.join(shots, `${p.name}-${v.suffix}.png`);
        await page.screenshot({ path: file, fullPage: true });
        // Nothing may overflow sideways on a phone: the page scrolls vertically only.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        await context.close();
        expect(statSync(file).size).toBeGreaterThan(5_000);
        expect(overflow).toBeLessThanOrEqual(0);
        expect(problems).toEqual(noProblems);
      });
    }
  }

  it('prints an incident on paper without the site chrome', async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 1200 } });
    const page = await context.newPage();
    await page.goto(`${server.url}incidents/2023-05-16-kiln-outbound-blocked/`);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    await page.screenshot({ path: path.join(shots, 'kiln-outbound-print.png'), fullPage: true });
    const pdf = path.join(shots, 'kiln-outbound.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    // Printed pages are dark text on white even when the reader's screen is dark.
    const colors = await page.evaluate(() => {
      const s = getComputedStyle(document.body);
      return { bg: s.backgroundColor, fg: s.color, nav: getComputedStyle(document.querySelector('nav')!).display };
    });
    await context.close();
    expect(colors.bg).toBe('rgb(255, 255, 255)');
    expect(colors.fg).toBe('rgb(0, 0, 0)');
    expect(colors.nav).toBe('none');
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
  });
});
