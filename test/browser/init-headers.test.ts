/**
 * The `_headers` file `pm init` writes, applied by a test server the way Netlify and
 * Cloudflare Pages apply it, lets a status page on another origin load the site's
 * <pm-timeline> script and timeline JSON in Chromium; the same site served without
 * those headers does not (so the headers are what makes it work).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaffold } from '../../src/init/scaffold.js';
import { headersFor, readHeadersFile, type HeaderRule } from '../init/headers-rules.js';
import { launch, skipBrowser } from './chromium.js';
import { hostPage } from './embed-helpers.js';
import { serveDir, type StaticServer } from './serve.js';
import { buildInto } from './site.js';

const SLUG = '2026-01-15-example-expired-certificate';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** Serves `dir` with the headers `rules` give each path (none: a plain static host). */
async function serveWithRules(dir: string, rules: readonly HeaderRule[]): Promise<StaticServer> {
  const server = createServer((req, res) => {
    void (async () => {
      const urlPath = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
      let file = path.resolve(dir, `.${urlPath}`);
      if (!file.startsWith(dir + path.sep)) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, [['content-type', TYPES[path.extname(file)] ?? 'application/octet-stream'], ...headersFor(rules, urlPath)]);
      res.end(body);
    })().catch(() => {
      res.writeHead(404);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.skipIf(skipBrowser)('static/_headers from pm init, on a Netlify-like host', () => {
  let browser: Browser;
  const servers: StaticServer[] = [];

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    for (const s of servers) await s.close();
  });

  async function embedFrom(rules: readonly HeaderRule[]): Promise<string> {
    const root = mkdtempSync(path.join(tmpdir(), 'pm-init-headers-'));
    scaffold(root);
    const { out } = await buildInto(root, 'pm-init-headers-');
    const site = await serveWithRules(out, rules);
    const hostDir = mkdtempSync(path.join(tmpdir(), 'pm-host-'));
    writeFileSync(path.join(hostDir, 'index.html'), hostPage({ site: site.url, slug: SLUG, elements: { t: {} } }));
    const host = await serveDir(hostDir);
    servers.push(site, host);
    expect(new URL(site.url).origin).not.toBe(new URL(host.url).origin);
    const page = await (await browser.newContext()).newPage();
    await page.goto(host.url);
    await page.waitForSelector('pm-timeline#t .pm-timeline, pm-timeline#t .pm-state.pm-error', { timeout: 20_000 });
    // the element renders in its shadow root: Playwright's CSS selectors reach into it
    const text = (await page.locator('pm-timeline#t .pm-timeline, pm-timeline#t .pm-state').allTextContents()).join('\n');
    await page.context().close();
    return text;
  }

  it('with the headers, the timeline loads cross-origin', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pm-init-headers-'));
    scaffold(root);
    const rules = readHeadersFile(readFileSync(path.join(root, 'static', '_headers'), 'utf8'));
    const text = await embedFrom(rules);
    expect(text).toContain('The uptime check pages the on-call engineer.');
    expect(text).not.toContain('Timeline unavailable');
  });

  it('without them, the browser refuses the JSON', async () => {
    expect(await embedFrom([])).toContain('Timeline unavailable');
  });
});
