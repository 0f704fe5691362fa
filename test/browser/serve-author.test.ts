/**
 * `pm serve` for authors, in Chromium: a status page on another origin can try
 * <pm-timeline> against the dev server (Access-Control-Allow-Origin on data and the
 * script), and the error overlay passes axe's contrast rules in the light and the dark
 * colour scheme.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type ServeHandle } from '../../src/serve/server.js';
import { copyFixture } from '../serve/helpers.js';
import { launch, skipBrowser } from './chromium.js';
import { hostPage } from './embed-helpers.js';
import { serveDir, type StaticServer } from './serve.js';
import { repoRoot } from './site.js';

const axePath = path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');
const SLUG = '2020-09-02-outbound';

interface AxeResults {
  violations: Array<{ id: string; nodes: Array<{ failureSummary?: string }> }>;
  passes: Array<{ id: string }>;
}

describe.skipIf(skipBrowser)('pm serve for authors, in a browser', () => {
  let browser: Browser;
  const servers: Array<{ close(): Promise<void> }> = [];
  const temps: string[] = [];

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    for (const s of servers) await s.close();
    for (const t of temps) rmSync(t, { recursive: true, force: true });
  });

  const site = async (): Promise<{ root: string; server: ServeHandle }> => {
    const root = copyFixture();
    temps.push(path.dirname(root));
    const server = await serveSite({ root, port: 0, watch: false });
    servers.push(server);
    return { root, server };
  };

  it('<pm-timeline> on another origin loads its timeline from pm serve', async () => {
    const { server } = await site();
    const hostDir = mkdtempSync(path.join(tmpdir(), 'pm-serve-host-'));
    temps.push(hostDir);
    writeFileSync(path.join(hostDir, 'index.html'), hostPage({ site: server.url, slug: SLUG, elements: { t: {} } }));
    const host: StaticServer = await serveDir(hostDir);
    servers.push(host);
    expect(new URL(host.url).origin).not.toBe(new URL(server.url).origin);
    const page = await browser.newPage();
    await page.goto(host.url);
    await page.waitForSelector('pm-timeline#t .pm-timeline, pm-timeline#t .pm-state.pm-error', { timeout: 20_000 });
    const text = (await page.locator('pm-timeline#t .pm-timeline, pm-timeline#t .pm-state').allTextContents()).join('\n');
    await page.close();
    expect(text).toContain('Server disconnected');
    expect(text).not.toContain('Timeline unavailable');
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`the error overlay has enough contrast (${scheme})`, async () => {
      const root = copyFixture();
      temps.push(path.dirname(root));
      const post = path.join(root, 'posts', `${SLUG}.md`);
      writeFileSync(post, readFileSync(post, 'utf8').replace('title: Outbound traffic blocked', 'title: [Outbound traffic blocked'));
      const server = await serveSite({ root, port: 0, watch: false });
      servers.push(server);
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(server.url);
      await page.locator('#__pm-overlay').waitFor({ state: 'visible' });
      expect(await page.locator('#__pm-overlay').innerText()).toContain(`posts/${SLUG}.md:2:`);
      await page.addScriptTag({ path: axePath });
      const results = (await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<unknown> } }).axe;
        return JSON.parse(JSON.stringify(await axe.run('#__pm-overlay', { runOnly: ['color-contrast'] }))) as unknown;
      })) as AxeResults;
      const background = await page.evaluate(() => getComputedStyle(document.getElementById('__pm-overlay')!).backgroundColor);
      await context.close();
      expect(background).toBe(scheme === 'dark' ? 'rgb(24, 24, 27)' : 'rgb(255, 255, 255)');
      expect(results.passes.map((p) => p.id)).toContain('color-contrast');
      expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.failureSummary ?? ''}`)).toEqual([]);
    });
  }
});
