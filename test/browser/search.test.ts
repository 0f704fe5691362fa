/**
 * Search in Chromium: type a word on any page, get the right incident (title, date,
 * snippet), follow it; filters as words of the query; list pages are not in the index;
 * results from both shards of the index; the new feeds parse as XML. Served from
 * 127.0.0.1, nothing fetched from elsewhere.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../cli/helpers.js';
import { writeCorpus } from '../outputs/archive/corpus.js';
import { launch, skipBrowser, watchProblems } from './chromium.js';
import { seriousViolations } from './axe.js';
import { serveDir, type StaticServer } from './serve.js';
import { buildInto, type BuiltSite } from './site.js';

/** The unique word of generated incident `i` (its title: `Incident i: <word> in <service>`). */
function wordOf(root: string, i: number): { word: string; title: string } {
  const slug = `incident-${String(i).padStart(4, '0')}`;
  const file = readFileSync(path.join(root, 'posts', `${dateOf(i)}-${slug}.md`), 'utf8');
  const title = /^title: "(.*)"$/m.exec(file)![1]!;
  return { word: /: (\S+) in /.exec(title)![1]!, title };
}
function dateOf(i: number): string {
  return new Date(Date.UTC(2025, 5, 30) - i * 4 * 86_400_000).toISOString().slice(0, 10);
}

async function search(page: Page, query: string): Promise<Array<{ href: string; title: string; meta: string; snippet: string }>> {
  await page.fill('#pm-search-q', '');
  await page.waitForFunction(() => document.querySelector('.search-results')!.childElementCount === 0);
  await page.fill('#pm-search-q', query);
  await page.waitForFunction(() => document.querySelector('.search-results p.meta') !== null);
  return page.$$eval('.search-results li', (items) =>
    items.map((li) => ({
      href: li.querySelector('a')!.href,
      title: li.querySelector('a')!.textContent ?? '',
      meta: li.querySelector('.meta')!.textContent ?? '',
      snippet: li.querySelector('p')!.innerHTML,
    })),
  );
}

describe.skipIf(skipBrowser)('search in Chromium', () => {
  let root: string;
  let site: BuiltSite;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    root = tempDir('pm-search-browser-');
    // 300 incidents, 267 published: more than one shard holds (256), so the index comes in two
    writeCorpus(root, 300, { inReviewEvery: 9 });
    site = await buildInto(root, 'pm-search-out-');
    server = await serveDir(site.out);
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(root, { recursive: true, force: true });
    if (site) rmSync(path.dirname(site.out), { recursive: true, force: true });
  });

  it('type a word on a service page, get that incident with its title and date, and follow it', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${server.url}services/dns/`);
    const { word, title } = wordOf(root, 42);
    const results = await search(page, word);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ href: `${server.url}incidents/incident-0042/`, title });
    expect(results[0]!.meta).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
    expect(results[0]!.snippet).toContain(`<mark>${word}</mark>`);
    await page.click('.search-results a');
    await page.waitForURL(`${server.url}incidents/incident-0042/`);
    expect(await page.textContent('h1')).toBe(title);
    expect(problems).toMatchObject({ pageErrors: [], consoleErrors: [], external: [], badResponses: [] });
    await page.close();
  });

  it('filters in the query narrow the results; list pages and post-mortems in review are not found', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const all = await search(page, 'Fixed');
    expect(all.length).toBe(10);
    const y2024 = await search(page, 'Fixed year:2024');
    expect(y2024.length).toBeGreaterThan(0);
    for (const r of y2024) expect(r.meta).toMatch(/ 2024$/);
    expect(await search(page, 'Fixed year:1999')).toEqual([]);
    const dns = await search(page, 'Fixed service:dns');
    expect(dns.length).toBeGreaterThan(0);
    for (const r of dns) {
      const slug = /incidents\/(incident-\d+)\//.exec(r.href)![1]!;
      const post = readFileSync(path.join(root, 'posts', `${dateOf(Number(slug.slice(9)))}-${slug}.md`), 'utf8');
      expect(post).toMatch(/^services: \[.*"dns".*\]$/m);
    }
    // "newest" is on the home page and "Older" in the pager, never in an incident
    expect(await search(page, 'newest')).toEqual([]);
    // incident 8 is the first in review (every 9th); its word is a prefix of others' (Pagefind matches prefixes)
    const inReview = await search(page, wordOf(root, 8).word);
    expect(inReview.map((r) => r.href)).not.toContain(`${server.url}incidents/incident-0008/`);
    expect((await search(page, wordOf(root, 7).word)).map((r) => r.href)).toContain(`${server.url}incidents/incident-0007/`);
    await page.close();
  });

  it('the index comes in two shards, and a word finds its incident in either', async () => {
    // which incidents each shard holds, from Pagefind's own fragments (gzip of "pagefind_dcd" + JSON)
    const held = (dir: string): number[] =>
      site.files
        .filter((f) => f.startsWith(`pagefind/${dir}fragment/`))
        .map(
          (f) =>
            JSON.parse(
              gunzipSync(readFileSync(path.join(site.out, f)))
                .toString('utf8')
                .replace(/^pagefind_dcd/, ''),
            ) as { url: string },
        )
        .map((fragment) => Number(/incident-(\d+)/.exec(fragment.url)![1]));
    const primary = held('');
    const merged = held('shard-1/');
    expect(primary.length).toBeGreaterThan(50);
    expect(merged.length).toBeGreaterThan(50);
    expect(primary.length + merged.length).toBe(267);
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${server.url}tags/dns/`);
    // incidents 30-99: their words are no prefix of another incident's (Pagefind matches prefixes)
    for (const i of [primary.find((n) => n >= 30 && n < 100)!, merged.find((n) => n >= 30 && n < 100)!]) {
      const { word, title } = wordOf(root, i);
      // first, whichever shard holds it (a shorter word of the other shard may follow: Pagefind splits digits off)
      const results = await search(page, word);
      expect(results[0]!.title).toBe(title);
    }
    // a word of every incident: found in both shards, counted once each
    expect(await search(page, 'Fixed')).toHaveLength(10);
    expect(await page.textContent('.search-results > p.meta')).toBe('267 results');
    expect(problems).toMatchObject({ pageErrors: [], consoleErrors: [], external: [], badResponses: [] });
    await page.close();
  });

  it('axe: the search results shown after typing, and the second page of the index and of a tag, light and dark', async () => {
    expect(site.files).toEqual(expect.arrayContaining(['page/2/index.html', 'tags/dns/page/2/index.html']));
    for (const scheme of ['light', 'dark'] as const) {
      // bypassCSP: axe is injected as a script
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      const found: string[] = [];
      for (const at of ['page/2/', 'tags/dns/page/2/']) {
        expect((await page.goto(server.url + at))?.status()).toBe(200);
        found.push(...(await seriousViolations(page)).map((v) => `${at} (${scheme}): ${v}`));
      }
      expect(await search(page, 'Fixed')).toHaveLength(10);
      found.push(...(await seriousViolations(page)).map((v) => `search results (${scheme}): ${v}`));
      await context.close();
      expect(found).toEqual([]);
    }
  });

  it('service and tag feeds are well-formed Atom', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const feeds = site.files.filter((f) => /^(services|tags)\/[^/]+\/feed\.xml$/.test(f));
    expect(feeds.length).toBeGreaterThan(10);
    for (const feed of feeds) {
      const check = await page.evaluate(async (url) => {
        const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'application/xml');
        const ns = 'http://www.w3.org/2005/Atom';
        const entries = [...doc.getElementsByTagNameNS(ns, 'entry')];
        return {
          error: doc.getElementsByTagName('parsererror').length,
          root: doc.documentElement.namespaceURI,
          entries: entries.length,
          complete: entries.every((e) => ['id', 'title', 'updated', 'link'].every((t) => e.getElementsByTagNameNS(ns, t).length > 0)),
        };
      }, `${server.url}${feed}`);
      expect(check, feed).toMatchObject({ error: 0, root: 'http://www.w3.org/2005/Atom', complete: true });
      expect(check.entries, feed).toBeGreaterThan(0);
    }
    await page.close();
  });
});
