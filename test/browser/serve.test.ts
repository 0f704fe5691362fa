/**
 * The authoring loop in a real browser: `pm serve` over a temp copy of the small
 * fixture site; edits on disk reach the open page without a manual reload, a broken
 * front-matter shows the error overlay with file:line:column, fixing it brings the
 * page back.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type ServeHandle } from '../../src/serve/server.js';
import { copyFixture } from '../serve/helpers.js';
import { launch, skipBrowser, watchProblems } from './chromium.js';

const POST = 'posts/2020-09-02-outbound.md';

describe.skipIf(skipBrowser)('pm serve in a browser', () => {
  let browser: Browser;
  let server: ServeHandle;
  let root: string;

  beforeAll(async () => {
    root = copyFixture();
    server = await serveSite({ root, port: 0 });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const edit = (from: string, to: string): void => {
    const file = path.join(root, POST);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(from);
    writeFileSync(file, text.replace(from, to));
  };
  const bodyText = (page: Page): Promise<string> => page.evaluate(() => document.body.innerText);

  it('reloads on edit, shows the error overlay, and recovers', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    let navigations = 0;
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) navigations++;
    });
    await page.goto(`${server.url}incidents/2020-09-02-outbound/`);
    expect(await bodyText(page)).toContain('Outbound traffic was blocked.');
    // the page is listening before we touch the file
    await page.locator('html[data-pm-live]').waitFor({ state: 'attached' });

    edit('Outbound traffic was', 'Outbound traffic was (edited live)');
    await page.waitForFunction(() => document.body.innerText.includes('Outbound traffic was (edited live) blocked.'), undefined, { timeout: 10_000 });
    expect(navigations).toBeGreaterThanOrEqual(2); // the page reloaded itself

    edit('title: Outbound traffic blocked', 'title: [Outbound traffic blocked');
    const overlay = page.locator('#__pm-overlay');
    await overlay.waitFor({ state: 'visible', timeout: 10_000 });
    const shown = await overlay.innerText();
    expect(shown).toMatch(/content error/);
    expect(shown).toMatch(/posts\/2020-09-02-outbound\.md:\d+:\d+: error: frontmatter\/\S+: /);

    edit('title: [Outbound traffic blocked', 'title: Outbound traffic blocked again');
    await overlay.waitFor({ state: 'detached', timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('Outbound traffic blocked again'), undefined, { timeout: 10_000 });
    expect(await bodyText(page)).toContain('(edited live)');
    expect(problems.pageErrors).toEqual([]);
    expect(problems.external).toEqual([]);
    expect(problems.dialogs).toEqual([]);
    await page.close();
  });
});
