/**
 * Accessible: axe-core, injected into headless Chromium, finds no serious or critical
 * violation on the index, a tag page and an incident page of the sample site, in the light
 * and the dark colour scheme (contrast is checked against the colours actually drawn).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, skipBrowser } from './chromium.js';
import { serveDir, type StaticServer } from './serve.js';
import { seriousViolations } from './axe.js';
import { buildInto, repoRoot } from './site.js';

const pages = [
  { name: 'index', path: '' },
  { name: 'tag page', path: 'tags/security/' },
  { name: 'incident page', path: 'incidents/2024-01-07-ssh-brute-force/' },
  { name: 'services index', path: 'services/' },
  { name: 'service page', path: 'services/kiln-shell-server/' },
  { name: 'insights page', path: 'insights/' },
  { name: 'follow-ups page', path: 'follow-ups/' },
];
const schemes = ['light', 'dark'] as const;

describe.skipIf(skipBrowser)('axe-core on the sample site', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    const site = await buildInto(repoRoot, 'pm-a11y-');
    server = await serveDir(site.out);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const p of pages) {
    for (const scheme of schemes) {
      it(`${p.name} (${scheme}): no serious or critical violation`, async () => {
        // bypassCSP: axe is injected as a script, which the follow-ups page's policy (rightly) refuses
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        const response = await page.goto(server.url + p.path);
        expect(response?.status()).toBe(200);
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
        const found = await seriousViolations(page);
        await context.close();
        if (found.length > 0) console.log(`${p.name} (${scheme}):\n  ${found.join('\n  ')}`);
        expect(found).toEqual([]);
      });
    }
  }
});
