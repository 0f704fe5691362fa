/**
 * A status page on one loopback origin embeds a pm incident, built and served on another,
 * both as an iframe (sized by the README's listener) and as <pm-timeline>. Screenshots of
 * both embeds go to test-output/screenshots/embed-*.png for a human to look at.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, BrowserContextOptions, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatOffset } from '../../src/timeline/duration.js';
import type { TimelineJson } from '../../src/timeline/types.js';
import { launch, skipBrowser, watchProblems, type PageProblems } from './chromium.js';
import { hostPage, PAYLOAD, serveWithCors, siteWithPayload } from './embed-helpers.js';
import { serveDir, type StaticServer } from './serve.js';
import { buildInto, repoRoot } from './site.js';

const SLUG = '2023-05-16-kiln-outbound-blocked';
const PAYLOAD_SLUG = '2024-02-02-payload';
const shots = path.join(repoRoot, 'test-output', 'screenshots');
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe.skipIf(skipBrowser)('embedded timelines on a status page of another origin', () => {
  let browser: Browser;
  let site: StaticServer;
  let host: StaticServer;
  let json: TimelineJson;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const built = await buildInto(siteWithPayload(), 'pm-embed-');
    json = JSON.parse(readFileSync(path.join(built.out, 'incidents', SLUG, 'timeline.json'), 'utf8')) as TimelineJson;
    site = await serveWithCors(built.out);
    const hostDir = mkdtempSync(path.join(tmpdir(), 'pm-host-'));
    const page = (name: string, html: string): void => writeFileSync(path.join(hostDir, name), html);
    page('index.html', hostPage({ site: site.url, slug: SLUG, iframe: true, elements: { local: { zone: 'local', href: `${site.url}incidents/${SLUG}/` } } }));
    page('zones.html', hostPage({ site: site.url, slug: SLUG, elements: { home: {}, berlin: { zone: 'Europe/Berlin' } } }));
    page(
      'errors.html',
      hostPage({
        site: site.url,
        slug: SLUG,
        elements: { missing: { src: `${site.url}incidents/nope/timeline.json` }, wrong: { src: `${site.url}incidents.json` } },
      }),
    );
    page(
      'themed.html',
      hostPage({
        site: site.url,
        slug: SLUG,
        iframe: true,
        frameHash: '#pm-bg=%23fdf6e3&pm-accent=rgb(200%2C0%2C0)&pm-fg=url(http://evil.example/)',
        elements: {},
      }),
    );
    page('payload.html', hostPage({ site: site.url, slug: PAYLOAD_SLUG, iframe: true, elements: { payload: {} } }));
    host = await serveDir(hostDir);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await host?.close();
  });

  const watched = new WeakMap<Page, PageProblems>();
  async function open(file: string, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 960, height: 900 }, ...options });
    const page = await context.newPage();
    watched.set(page, watchProblems(page));
    expect(site.url).not.toBe(host.url);
    await page.goto(host.url + file);
    return page;
  }
  const problemsOf = (page: Page): PageProblems => watched.get(page)!;
  const frameOf = async (page: Page): Promise<Frame> => {
    const handle = await page.waitForSelector('#frame');
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('no iframe');
    await frame.waitForSelector('.pm-event');
    return frame;
  };
  const rendered = (page: Page, id: string): Promise<unknown> => page.waitForSelector(`pm-timeline#${id} .pm-timeline, pm-timeline#${id} .pm-state.pm-error`);
  const texts = (page: Page | Frame, selector: string): Promise<string[]> => page.locator(selector).allTextContents();

  it('iframe: the events in order with their T± labels, and the height follows the content', async () => {
    const page = await open('index.html');
    const problems = problemsOf(page);
    const frame = await frameOf(page);
    expect(await texts(frame, '.pm-event .pm-t')).toEqual(json.events.map((e) => e.offset ?? ''));
    expect(await texts(frame, '.pm-event time')).toEqual(json.events.map((e) => e.local));
    expect((await texts(frame, '.pm-event .pm-body')).map(squash)).toEqual(json.events.map((e) => squash(e.text)));
    expect(await texts(frame, '.pm-mark-milestone')).toEqual(['T0', 'detected', 'mitigated', 'resolved']);

    const sizes = async (): Promise<{ frame: number; content: number }> => ({
      frame: await page.locator('#frame').evaluate((f) => f.getBoundingClientRect().height),
      content: await frame.evaluate(() => Math.ceil(document.querySelector('.pm-embed')!.getBoundingClientRect().height)),
    });
    await expect
      .poll(async () => {
        const s = await sizes();
        return s.frame - s.content;
      })
      .toBe(0);
    const wide = await sizes();
    expect(wide.frame).toBeGreaterThan(400); // not the 150 px default: the listener sized it
    await page.locator('#frame').screenshot({ path: path.join(shots, 'embed-iframe-light-960.png') });

    await page.setViewportSize({ width: 360, height: 900 });
    await expect
      .poll(async () => {
        const s = await sizes();
        return s.frame === s.content && s.frame > wide.frame;
      })
      .toBe(true);
    expect(await frame.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.locator('#frame').screenshot({ path: path.join(shots, 'embed-iframe-light-360.png') });
    expect(problems.consoleErrors).toEqual([]); // a CSP violation (wrong hash) would be logged here
    expect(problems.external).toEqual([]);
    await page.context().close();
  });

  it('iframe in dark mode; the element with zone="local" renders too', async () => {
    const page = await open('index.html', { colorScheme: 'dark' });
    const frame = await frameOf(page);
    const bg = await frame.evaluate(() => getComputedStyle(document.querySelector('.pm-embed')!).backgroundColor);
    expect(bg).toBe('rgb(22, 24, 29)');
    await expect.poll(async () => (await page.locator('#frame').boundingBox())?.height ?? 0).toBeGreaterThan(400);
    await page.locator('#frame').screenshot({ path: path.join(shots, 'embed-iframe-dark-960.png') });
    await rendered(page, 'local');
    await page.locator('pm-timeline#local').screenshot({ path: path.join(shots, 'embed-element-dark-960.png') });
    await page.context().close();
  });

  for (const zone of ['America/New_York', 'Asia/Tokyo']) {
    it(`element zone="local" shows times in the browser's zone (${zone})`, async () => {
      const page = await open('index.html', { timezoneId: zone });
      const problems = problemsOf(page);
      await rendered(page, 'local');
      const el = 'pm-timeline#local';
      expect(await page.locator(`${el} .pm-zone`).textContent()).toContain(`Times in ${zone} (your time zone)`);
      const times = await texts(page, `${el} .pm-event time`);
      const want = json.events.map((e) => DateTime.fromISO(e.at, { zone }).toFormat('yyyy-LL-dd HH:mm'));
      expect(times.map((t) => t.slice(0, 16))).toEqual(want);
      const t0 = json.events.findIndex((e) => e.milestone === 't0');
      expect(times[t0]).toBe(zone === 'Asia/Tokyo' ? '2023-05-16 17:25 JST' : '2023-05-16 04:25 EDT');
      expect(await texts(page, `${el} .pm-event .pm-t`)).toEqual(json.events.map((e) => e.offset ?? ''));
      expect((await texts(page, `${el} .pm-event .pm-body`)).map(squash)).toEqual(json.events.map((e) => squash(e.text)));
      expect(await page.locator(`${el} .pm-footer a`).getAttribute('rel')).toBe('noopener');
      if (zone === 'America/New_York') {
        await page.locator(el).screenshot({ path: path.join(shots, 'embed-element-light-960.png') });
        await page.setViewportSize({ width: 320, height: 900 });
        const fits = (e: Element): boolean => {
          const box = e.shadowRoot!.querySelector('.pm-embed')!;
          return box.scrollWidth <= box.clientWidth;
        };
        await expect.poll(() => page.locator(el).evaluate(fits)).toBe(true);
        await page.locator(el).screenshot({ path: path.join(shots, 'embed-element-light-320.png') });
      }
      expect(problems.consoleErrors).toEqual([]);
      await page.context().close();
    });
  }

  it('element: a fixed zone and the default zone do not depend on the browser, and attributes re-render', async () => {
    const page = await open('zones.html', { timezoneId: 'Asia/Tokyo' });
    await rendered(page, 'home');
    await rendered(page, 'berlin');
    expect(await texts(page, 'pm-timeline#home .pm-event time')).toEqual(json.events.map((e) => e.local));
    const berlin = json.events.map((e) => DateTime.fromISO(e.at, { zone: 'Europe/Berlin', locale: 'en-GB' }).toFormat('yyyy-LL-dd HH:mm ZZZZ'));
    expect(await texts(page, 'pm-timeline#berlin .pm-event time')).toEqual(berlin);
    expect(berlin[0]).toMatch(/CEST$/);

    await page.locator('pm-timeline#berlin').evaluate((el) => el.setAttribute('format', 'long'));
    await expect
      .poll(() => texts(page, 'pm-timeline#berlin .pm-event .pm-t'))
      .toEqual(json.events.map((e) => (e.offset_s === null ? '' : formatOffset(e.offset_s, 'long'))));
    await page.locator('pm-timeline#berlin').evaluate((el) => {
      el.setAttribute('milestones-only', '');
      el.setAttribute('limit', '2');
    });
    await expect.poll(() => texts(page, 'pm-timeline#berlin .pm-mark-milestone')).toEqual(['mitigated', 'resolved']);
    expect(await page.locator('pm-timeline#berlin .pm-more').textContent()).toBe('2 earlier events not shown.');
    await page.context().close();
  });

  it('iframe: themed through its URL fragment (only safe values), and re-measured on request', async () => {
    const page = await open('themed.html');
    const frame = await frameOf(page);
    const style = await frame.evaluate(() => {
      const s = getComputedStyle(document.querySelector('.pm-embed')!);
      return [s.backgroundColor, getComputedStyle(document.querySelector('.pm-t')!).color, s.color];
    });
    expect(style).toEqual(['rgb(253, 246, 227)', 'rgb(200, 0, 0)', 'rgb(29, 31, 36)']); // url(...) refused
    await expect.poll(async () => (await page.locator('#frame').boundingBox())?.height ?? 0).toBeGreaterThan(400);
    await page.locator('#frame').evaluate((f: HTMLIFrameElement) => {
      f.style.height = '10px';
    });
    await page.locator('#frame').evaluate((f: HTMLIFrameElement) => f.contentWindow!.postMessage({ type: 'pm:timeline:measure' }, '*'));
    await expect.poll(async () => (await page.locator('#frame').boundingBox())?.height ?? 0).toBeGreaterThan(400);
    expect(problemsOf(page).external).toEqual([]);
    await page.context().close();
  });

  it('element: a clear error state when the JSON is missing or not pm.timeline/1', async () => {
    const page = await open('errors.html');
    await rendered(page, 'missing');
    await rendered(page, 'wrong');
    expect(await page.locator('pm-timeline#missing [role=alert]').textContent()).toBe('Timeline unavailable (HTTP 404).');
    expect(await page.locator('pm-timeline#wrong [role=alert]').textContent()).toBe('Timeline unavailable (not a pm.timeline/1 document).');
    await page.locator('pm-timeline#missing').screenshot({ path: path.join(shots, 'embed-element-error.png') });
    await page.context().close();
  });

  it('a payload in the data does not run, in the iframe or in the element', async () => {
    const page = await open('payload.html');
    const problems = problemsOf(page);
    const frame = await frameOf(page);
    await rendered(page, 'payload');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await frame.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await frame.locator('img, script:not(:last-of-type)').count()).toBe(0);
    expect(await texts(frame, '.pm-body')).toContain(PAYLOAD); // log text shown as text
    expect(await texts(page, 'pm-timeline#payload .pm-body')).toContain(PAYLOAD);
    expect(await page.locator('pm-timeline#payload img').count()).toBe(0);
    expect(await page.locator('pm-timeline#payload .pm-title').textContent()).toBe('Payload <script>window.__pwned=2</script> check');
    // the Timeline section's notes, in order among the rows, as text: before, after the entry they follow, after the last
    const rows = await page
      .locator('pm-timeline#payload tbody tr')
      .evaluateAll((trs) => trs.map((tr) => `${tr.className.split(' ')[0]}: ${(tr.textContent ?? '').replace(/\s+/g, ' ').trim()}`));
    expect(rows.map((r) => r.slice(0, r.indexOf(':')))).toEqual(['pm-note', 'pm-event', 'pm-note', 'pm-event', 'pm-event', 'pm-note']);
    expect(rows[0]).toBe(`pm-note: All times approximate ${PAYLOAD} reconstructed the next day.`); // not HTML in markdown: text
    expect(rows[2]).toBe('pm-note: afternoon: three support e-mails to the provider');
    expect(rows[5]).toBe('pm-note: Closing note: the provider never answered.');
    expect(problems.dialogs).toEqual([]);
    expect(problems.external).toEqual([]);
    expect(problems.badResponses).toEqual([]);
    await page.context().close();
  });
});
