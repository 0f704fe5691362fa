/**
 * Reader polish of the embeds, in Chromium. A light status page pins its embeds light for a
 * reader who prefers dark (scheme="light" on the element, #pm-scheme=light on the iframe)
 * and the other way round; the iframe page's background fills a frame taller than the
 * timeline; the iframe honours #pm-source=block like the element honours --pm-source; the
 * element's `limit` note sits under the title. Screenshots go to
 * test-output/screenshots/embed-scheme-*.png for a human to look at.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, skipBrowser } from './chromium.js';
import { hostPage, serveWithCors } from './embed-helpers.js';
import { serveDir, type StaticServer } from './serve.js';
import { buildInto, repoRoot } from './site.js';

const SLUG = '2023-05-16-kiln-outbound-blocked';
const shots = path.join(repoRoot, 'test-output', 'screenshots');
const WHITE = 'rgb(255, 255, 255)';
const DARK = 'rgb(22, 24, 29)';

describe.skipIf(skipBrowser)('embeds: pinned colour scheme, full-frame background, source, limit note', () => {
  let browser: Browser;
  let site: StaticServer;
  let host: StaticServer;
  const temps: string[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const built = await buildInto(repoRoot, 'pm-embed-scheme-');
    temps.push(path.dirname(built.out));
    site = await serveWithCors(built.out);
    const dir = mkdtempSync(path.join(tmpdir(), 'pm-host-scheme-'));
    temps.push(dir);
    const frame = (hash: string): string =>
      hostPage({ site: site.url, slug: SLUG, iframe: true, frameHash: hash, elements: {} }).replace(
        'style="width:100%;border:0"',
        'style="width:100%;height:1400px;border:0"',
      );
    writeFileSync(
      path.join(dir, 'light.html'),
      hostPage({ site: site.url, slug: SLUG, elements: { pinned: { scheme: 'light', limit: '3' }, auto: { scheme: 'auto' } } }),
    );
    writeFileSync(path.join(dir, 'dark.html'), hostPage({ site: site.url, slug: SLUG, elements: { pinned: { scheme: 'dark' } } }));
    writeFileSync(path.join(dir, 'frame-light.html'), frame('#pm-scheme=light&pm-source=block'));
    writeFileSync(path.join(dir, 'frame-auto.html'), frame(''));
    host = await serveDir(dir);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await host?.close();
    for (const t of temps) rmSync(t, { recursive: true, force: true });
  });

  async function open(file: string, scheme: 'light' | 'dark'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 900, height: 900 }, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(host.url + file);
    return page;
  }
  const boxBg = (page: Page, id: string): Promise<string> =>
    page.locator(`pm-timeline#${id}`).evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('.pm-embed')!).backgroundColor);

  it('scheme="light" stays light for a reader who prefers dark; auto follows the reader', async () => {
    const page = await open('light.html', 'dark');
    await page.waitForSelector('pm-timeline#pinned .pm-timeline');
    await page.waitForSelector('pm-timeline#auto .pm-timeline');
    expect(await boxBg(page, 'pinned')).toBe(WHITE);
    expect(await boxBg(page, 'auto')).toBe(DARK);
    await page.locator('pm-timeline#pinned').screenshot({ path: path.join(shots, 'embed-scheme-element-light-pinned-dark-reader.png') });
    // the limit note is under the title, inside the caption, not above the table
    const order = await page.locator('pm-timeline#pinned').evaluate((el) => {
      const root = el.shadowRoot!;
      const title = root.querySelector('.pm-title')!.getBoundingClientRect().top;
      const more = root.querySelector('.pm-more')!;
      return { inCaption: more.parentElement?.tagName, below: more.getBoundingClientRect().top > title, text: more.textContent };
    });
    expect(order).toEqual({ inCaption: 'CAPTION', below: true, text: expect.stringMatching(/^\d+ earlier events not shown\.$/) });
    await page.context().close();
  });

  it('scheme="dark" stays dark for a reader who prefers light', async () => {
    const page = await open('dark.html', 'light');
    await page.waitForSelector('pm-timeline#pinned .pm-timeline');
    expect(await boxBg(page, 'pinned')).toBe(DARK);
    await page.locator('pm-timeline#pinned').screenshot({ path: path.join(shots, 'embed-scheme-element-dark-pinned-light-reader.png') });
    await page.context().close();
  });

  it('the iframe: #pm-scheme=light pins it, #pm-source=block shows sources, the background fills the frame', async () => {
    for (const [file, scheme, bg] of [
      ['frame-light.html', 'dark', WHITE],
      ['frame-auto.html', 'dark', DARK],
      ['frame-auto.html', 'light', WHITE],
    ] as const) {
      const page = await open(file, scheme);
      const frame = await (await page.waitForSelector('iframe#frame')).contentFrame();
      await frame!.waitForSelector('.pm-timeline');
      const seen = await frame!.evaluate(() => {
        const box = document.querySelector('.pm-embed')!;
        const source = document.querySelector('.pm-source');
        return {
          box: getComputedStyle(box).backgroundColor,
          page: getComputedStyle(document.documentElement).backgroundColor,
          source: source ? getComputedStyle(source).display : 'none',
        };
      });
      // the page's own background is the timeline's: a frame taller than the timeline shows no other colour
      expect(seen).toEqual({ box: bg, page: bg, source: file === 'frame-light.html' ? 'block' : 'none' });
      await page.locator('iframe#frame').screenshot({ path: path.join(shots, `embed-scheme-${file.replace('.html', '')}-${scheme}-reader.png`) });
      await page.context().close();
    }
  });
});
