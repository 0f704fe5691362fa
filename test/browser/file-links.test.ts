/**
 * dist/ browsed from disk and 404.html under a sub-path, in Chromium.
 * `links: file` (pm build --file-links): opened through file:// URLs, a reader clicks
 * from the index to an incident, to one of its tags, and back, and never lands on a
 * folder listing. A GitHub Pages project site (https://you.github.io/repo/): the 404
 * page served for a deep missing URL has its stylesheet and a working way home.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';
import { launch, skipBrowser, watchProblems } from './chromium.js';
import { listFiles, repoRoot } from './site.js';

const temps: string[] = [];
async function build(extra: Parameters<typeof buildSite>[0]): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pm-file-links-'));
  temps.push(dir);
  const out = path.join(dir, 'dist');
  const result = await buildSite({ root: repoRoot, out, cache: false, ...extra });
  expect(result.written).toBe(true);
  return out;
}

describe.skipIf(skipBrowser)('a site read from disk and from a sub-path', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    for (const t of temps) rmSync(t, { recursive: true, force: true });
  });

  it('with links: file, every relative link of every page names a file that exists', async () => {
    const out = await build({ links: 'file' });
    const pages = listFiles(out).filter((f) => f.endsWith('.html') && !f.startsWith('embed/') && f !== '404.html');
    expect(pages.length).toBeGreaterThan(10);
    let checked = 0;
    for (const page of pages) {
      const html = readFileSync(path.join(out, page), 'utf8');
      for (const [, href] of html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)) {
        if (!href || /^([a-z]+:|\/|#|\?)/i.test(href)) continue;
        const target = fileURLToPath(new URL(href.replace(/[?#].*$/, ''), pathToFileURL(path.join(out, page))));
        expect(existsSync(target) && statSync(target).isFile(), `${page}: ${href}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('clicks through index → incident → tag → back over file:// URLs', async () => {
    const out = await build({ links: 'file' });
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
    const first = page.locator('a.title').first();
    const title = (await first.innerText()).trim();
    await first.click();
    await page.waitForLoadState();
    expect(page.url()).toMatch(/\/incidents\/[^/]+\/index\.html$/);
    expect(await page.locator('h1').first().innerText()).toContain(title);
    const incidentUrl = page.url();
    const tag = page.locator('a.tag').first();
    const tagName = (await tag.innerText()).trim();
    await tag.click();
    await page.waitForLoadState();
    expect(page.url()).toMatch(/\/tags\/[^/]+\/index\.html$/);
    expect(await page.locator('h1').first().innerText()).toContain(tagName);
    // the stylesheet came along (no directory listing, no unstyled page)
    expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
    await page.goBack();
    expect(page.url()).toBe(incidentUrl);
    await page.locator('a', { hasText: 'Incidents' }).first().click();
    await page.waitForLoadState();
    expect(page.url()).toBe(pathToFileURL(path.join(out, 'index.html')).href);
    await page.close();
    expect(problems.pageErrors).toEqual([]);
  });

  it('404.html served under /repo/ for a deep missing path leads home and is styled', async () => {
    const out = await build({ baseUrl: 'https://example.github.io/repo' });
    // GitHub Pages: the site lives under /repo/, a missing path gets /repo/404.html
    const server = createServer((req, res) => {
      void (async () => {
        const url = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
        let file = url.startsWith('/repo/') ? path.join(out, url.slice('/repo/'.length)) : '';
        if (file && existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
        const found = file.startsWith(out) && existsSync(file) && statSync(file).isFile();
        const type =
          (file.endsWith('.css') ? 'text/css' : file.endsWith('.png') ? 'image/png' : file.endsWith('.svg') ? 'image/svg+xml' : 'text/html') +
          '; charset=utf-8';
        res.writeHead(found ? 200 : 404, { 'content-type': found ? type : 'text/html; charset=utf-8' });
        res.end(await readFile(found ? file : path.join(out, '404.html')));
      })();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const page = await browser.newPage();
      const problems = watchProblems(page);
      const response = await page.goto(`${base}/repo/incidents/no-such-incident/deeper/`);
      expect(response?.status()).toBe(404);
      expect(problems.badResponses).toEqual([`404 ${base}/repo/incidents/no-such-incident/deeper/`]);
      expect(problems.external).toEqual([]);
      expect(await page.evaluate(() => getComputedStyle(document.body).margin)).not.toBe('8px');
      await page.locator('a', { hasText: 'list of incidents' }).click();
      await page.waitForLoadState();
      expect(page.url()).toBe(`${base}/repo/`);
      expect(await page.locator('a.title').count()).toBeGreaterThan(3);
      await page.close();
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
