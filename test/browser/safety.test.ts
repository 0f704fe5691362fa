/**
 * Safe: a site whose front-matter, markdown, timeline entries and log lines are all payloads
 * is built, every HTML page is opened in Chromium (no dialog, console error, page error or
 * `window.__pwned`), and every .html/.xml/.json output is scanned for executable markup,
 * while the payload text must still be there, escaped (nothing silently dropped).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';
import { launch, skipBrowser, watchProblems } from './chromium.js';
import { scanHtml, scanJson, scanXml, SEARCH_SCRIPT } from './payload-scan.js';
import { serveDir, type StaticServer } from './serve.js';
import { listFiles, repoRoot } from './site.js';

const fixture = path.join(repoRoot, 'test', 'fixtures', 'site-payloads');
const BUNDLE = 'incidents/2024-01-01-payload-bundle/index.html';
const usernames = [
  '<script>window.__pwned=1</script>',
  "{{constructor.constructor('window.__pwned=1')()}}",
  '](javascript:window.__pwned=1)',
  '"><img src=x onerror=window.__pwned=1>',
];

let out = '';
let files: string[] = [];
const read = (file: string): string => readFileSync(path.join(out, file), 'utf8');

beforeAll(async () => {
  out = path.join(mkdtempSync(path.join(tmpdir(), 'pm-safety-')), 'dist');
  const result = await buildSite({ root: fixture, out, write: true, cache: false });
  const errors = result.diagnostics.filter((d) => d.level === 'error');
  expect(errors).toEqual([]);
  expect(result.written).toBe(true);
  files = listFiles(out);
});

describe('the built files of a payload site', () => {
  it('are scanned by a checker that flags each payload form (so a pass means something)', () => {
    const bad = [
      '<script>x()</script>',
      '<img src=x onerror=x()>',
      '<a href="java&#x09;script:x()">a</a>',
      '<iframe src="a"></iframe>',
      '<svg><a xlink:href="javascript:x()">a</a></svg>',
      '<b ONCLICK="x()">b</b>',
    ];
    for (const html of bad) expect(scanHtml(html), html).not.toEqual([]);
    expect(scanJson({ items: [{ content_html: '<img src=x onerror=x()>' }] })).toHaveLength(1);
    expect(scanXml('<feed><content type="html">&lt;script&gt;x()&lt;/script&gt;</content></feed>')).not.toEqual([]);
    expect(scanHtml('<p title="&lt;img src=x onerror=x()&gt;">&lt;script&gt; onerror=x()</p><base target="_blank">')).toEqual([]);
  });

  it('hold no script, event handler, iframe or javascript: URL anywhere', () => {
    const scanned = files.filter((f) => /\.(html|xml|json)$/.test(f));
    expect(scanned.length).toBeGreaterThan(10);
    const problems: Record<string, string[]> = {};
    for (const file of scanned) {
      const text = read(file);
      const found = file.endsWith('.html') ? scanHtml(text, true) : file.endsWith('.xml') ? scanXml(text) : scanJson(JSON.parse(text) as unknown);
      if (found.length > 0) problems[file] = found;
    }
    expect(problems).toEqual({});
  });

  it('keep pm own inline script only on embed pages and the follow-ups page, under a CSP that hashes it', () => {
    const withScript = files.filter((f) => f.endsWith('.html') && read(f).replace(SEARCH_SCRIPT, '').includes('<script'));
    expect(withScript.length).toBeGreaterThan(0);
    for (const file of withScript) {
      expect(file, file).toMatch(/^(embed|follow-ups)\//);
      expect(read(file)).toMatch(/<meta http-equiv="Content-Security-Policy"[^>]*script-src &#39;sha256-/);
    }
  });

  it('show the payload text escaped: front-matter, timeline entries and every log username', () => {
    const page = read(BUNDLE);
    expect(page).toContain('<h1 class="page-title">Bundle &lt;script&gt;window.__pwned');
    expect(page).toContain('&lt;b onclick'); // authors
    expect(page).toContain('&lt;svg onload'); // services
    expect(page).toMatch(/(&lt;|&#x3C;)img src=x onerror=window\.__pwned=1/); // timeline entry
    const text = page
      .replace(/&(lt|#x3C|#60);/g, '<')
      .replace(/&(gt|#x3E|#62);/g, '>')
      .replace(/&(quot|#34|#x22);/g, '"')
      .replace(/&(#39|#x27|apos);/g, "'");
    for (const name of usernames) expect(text).toContain(`Invalid user ${name} from`);
    expect(page).toContain('Invalid user red from'); // the ANSI escape is not passed through
    expect(page).not.toContain('\x1b');
    const tag = read('tags/script-window-pwned-1-script/index.html');
    expect(tag).toContain('&lt;script&gt;window.__pwned');
    const timeline = JSON.parse(read('incidents/2024-01-01-payload-bundle/timeline.json')) as { events: Array<{ text: string }> };
    const texts = timeline.events.map((e) => e.text); // JSON keeps the log text as written
    for (const name of usernames)
      expect(
        texts.some((t) => t.includes(`Invalid user ${name} from`)),
        name,
      ).toBe(true);
    expect(read('feed.xml')).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
  });
});

describe.skipIf(skipBrowser)('every page of the payload site in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveDir(out);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs no payload: no dialog, console error, page error or window.__pwned', async () => {
    const pages = files.filter((f) => f.endsWith('.html'));
    expect(pages).toContain(BUNDLE);
    const report: Record<string, unknown> = {};
    for (const file of pages) {
      const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
      const page = await context.newPage();
      const problems = watchProblems(page);
      const response = await page.goto(server.url + file, { waitUntil: 'load' });
      // Fire the events a reader would cause, so any inline handler that slipped through runs.
      await page.evaluate(() => {
        for (const el of Array.from(document.querySelectorAll('*'))) {
          for (const type of ['mouseover', 'focus', 'click', 'error', 'load', 'animationstart']) {
            if (type === 'click' && el.closest('a[href]')) continue;
            el.dispatchEvent(new Event(type));
          }
        }
      });
      await page.waitForTimeout(100);
      const pwned = await Promise.all(page.frames().map((f) => f.evaluate(() => (window as { __pwned?: unknown }).__pwned).catch(() => undefined)));
      const links = await page.evaluate(() =>
        Array.from(document.querySelectorAll('[href],[src]'), (e) => e.getAttribute('href') ?? e.getAttribute('src') ?? ''),
      );
      const badLinks = links.filter((l) => /^\s*(javascript|vbscript):/i.test(l));
      const { dialogs, pageErrors, external } = problems;
      // GitHub's rules keep the attacker's <img src=x onerror=…> as <img src="x">: the handler goes,
      // the image stays, and the browser's request for x is a 404. That one is not a payload.
      const onlyX = problems.badResponses.every((r) => /^404 http:\/\/127\.0\.0\.1:\d+\/.*\/x$/.test(r));
      const consoleErrors = problems.consoleErrors.filter((m) => !(onlyX && /^Failed to load resource: .* 404 /.test(m)));
      const found = { status: response?.status(), pwned: pwned.filter((p) => p !== undefined), dialogs, consoleErrors, pageErrors, external, badLinks };
      if (found.status !== 200 || [found.pwned, dialogs, consoleErrors, pageErrors, external, badLinks].some((l) => l.length > 0)) report[file] = found;
      await context.close();
    }
    expect(report).toEqual({});
  });
});
