/**
 * The follow-ups list is paginated like the incident lists: a generated archive whose
 * items fill many pages (page_size 7), read as a reader would — every item of
 * follow-ups.json on exactly one page, no page over the size, owner headings repeated
 * and marked continued across pages, and every link of the owners table landing on an
 * anchor of the page it names.
 */
import { appendFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';
import { tempDir } from '../cli/helpers.js';
import { generateSite } from './generate.js';

const SIZE = 7;
let root: string;
let pages: Map<string, string>;
let list: Array<{ path: string; html: string }>;
interface Item {
  text: string;
  done: boolean;
  due: string | null;
  incident: { title: string };
}
let items: Item[];

beforeAll(async () => {
  root = tempDir('pm-follow-ups-pages-');
  generateSite(root, 40, 3);
  appendFileSync(path.join(root, 'pm.config.yaml'), `page_size: ${SIZE}\n`);
  const result = await buildSite({ root, out: path.join(root, 'dist'), write: false, today: null });
  expect(result.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  pages = new Map(result.pages.map((p) => [p.path, String(p.contents)]));
  items = (JSON.parse(pages.get('follow-ups.json')!) as { items: Item[] }).items;
  const n = Math.max(1, Math.ceil(items.length / SIZE));
  list = Array.from({ length: n }, (_, i) => (i === 0 ? 'follow-ups/index.html' : `follow-ups/page/${i + 1}/index.html`)).map((p) => ({
    path: p,
    html: pages.get(p) ?? '',
  }));
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const rows = (html: string): string[] => [...html.matchAll(/<td class="fu-text">([^<]*)<\/td>/g)].map((m) => m[1]!);
const unescape = (s: string): string =>
  s
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('follow-ups pages', () => {
  it('hold every item once, page_size at most per page, open ones before done ones, and no page beyond the last', () => {
    expect(items.length).toBeGreaterThan(SIZE * 3);
    for (const p of list) expect(p.html, p.path).toContain('<h1 class="page-title">Follow-ups');
    expect(pages.has(`follow-ups/page/${list.length + 1}/index.html`)).toBe(false);
    const shown = list.flatMap((p) => rows(p.html)).map(unescape);
    for (const p of list) expect(rows(p.html).length).toBeLessThanOrEqual(SIZE);
    expect(shown.length).toBe(items.length);
    expect([...shown].sort()).toEqual(items.map((i) => i.text).sort());
    const open = items.filter((i) => !i.done).length;
    const doneText = new Set(items.filter((i) => i.done).map((i) => i.text));
    expect(shown.slice(0, open).some((t) => doneText.has(t) && !items.some((i) => i.text === t && !i.done))).toBe(false);
  });

  it('link their neighbours, and repeat an owner heading split across pages as continued', () => {
    const last = list.length;
    expect(list[0]!.html).toContain('<link rel="next" href="../follow-ups/page/2/">');
    expect(list[1]!.html).toContain('<link rel="prev" href="../../../follow-ups/">');
    expect(list[last - 1]!.html).toContain(`Page ${last} of ${last}`);
    expect(list[last - 1]!.html).not.toContain('rel="next"');
    const continued = list.slice(1).filter((p) => /<h3 id="[^"]+" class="fu-owner">[^<]*<span class="muted">\(continued\)<\/span>/.test(p.html));
    expect(continued.length).toBeGreaterThan(0);
    // only the first group of a page can be continued: it began on the page before
    for (const p of list) {
      const heads = [...p.html.matchAll(/class="fu-owner">([^\n]*)<\/h3>/g)].map((m) => m[1]!);
      expect(
        heads.slice(1).some((h) => h.includes('(continued)')),
        p.path,
      ).toBe(false);
    }
  });

  it('show the counts and the owners table on the first page only; its links land on an anchor of the named page', () => {
    expect(list[0]!.html).toContain('<h2 id="by-owner">By owner</h2>');
    for (const p of list.slice(1)) expect(p.html).not.toContain('id="by-owner"');
    const table = /<table class="ins-table fu-owners">[\s\S]*?<\/table>/.exec(list[0]!.html)![0];
    const hrefs = [...table.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(2);
    for (const href of hrefs) {
      const [where, anchor] = href.split('#') as [string, string];
      const file = where === '' ? 'follow-ups/index.html' : path.posix.join('follow-ups', where, 'index.html');
      expect(pages.get(file), href).toContain(`<h3 id="${anchor}" class="fu-owner">`);
    }
  });

  it('without a day, every open due day of an owner is in the owners table, so the script can count items on other pages', () => {
    const table = /<table class="ins-table fu-owners">[\s\S]*?<\/table>/.exec(list[0]!.html)![0];
    const dues = [...table.matchAll(/data-owner-dues="([^"]*)"/g)].flatMap((m) => m[1]!.split(' '));
    expect(dues.sort()).toEqual(
      items
        .filter((i) => !i.done && i.due !== null)
        .map((i) => i.due!)
        .sort(),
    );
    expect(list.every((p) => p.html.includes('<script>'))).toBe(true);
  });
});
