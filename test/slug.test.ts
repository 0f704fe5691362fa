/**
 * Slugs from names in any script: a Russian or Chinese team names its posts in its
 * own language, and a file name of emoji only still gets a URL of its own. No two
 * incidents write one path, and none writes over a site page.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../src/build/build.js';
import { fallbackSlug, slugify } from '../src/slug.js';

describe('slugify', () => {
  it.each([
    ['Sécurité réseau', 'securite-reseau'],
    ['2024-01-01-сбой', '2024-01-01-сбой'],
    ['Сбой DNS', 'сбой-dns'],
    ['事故', '事故'],
    ['İstanbul', 'istanbul'],
    ['नमस्ते दुनिया', 'नमस्ते-दुनिया'],
    ['한국어'.normalize('NFD'), '한국어'],
    ['сбой'.normalize('NFD'), 'сбой'],
    ['a/../b', 'a-b'],
    ['🔥 !!', ''],
  ])('%s → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('a name with no letters gets a stable hash slug, different per file', () => {
    expect(fallbackSlug('posts/🔥.md')).toMatch(/^incident-[0-9a-f]{8}$/);
    expect(fallbackSlug('posts/🔥.md')).toBe(fallbackSlug('posts/🔥.md'));
    expect(fallbackSlug('posts/💥.md')).not.toBe(fallbackSlug('posts/🔥.md'));
  });
});

describe('a site whose posts are named in other scripts', () => {
  let root: string;
  let result: BuildResult;
  const out = (): string => path.join(root, 'dist');
  const POSTS: Record<string, string> = {
    '2024-01-01-сбой.md': 'Сбой сети',
    '事故.md': '数据库事故',
    '🔥.md': 'Fire',
    '💥.md': 'Boom',
    '2024-02-02-disk.md': 'Disk full',
  };

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'pm-slug-'));
    mkdirSync(path.join(root, 'posts'));
    writeFileSync(path.join(root, 'pm.config.yaml'), 'base_url: https://status.example/pm\n');
    for (const [name, title] of Object.entries(POSTS)) {
      writeFileSync(path.join(root, 'posts', name), `---\ntitle: ${title}\ndate: 2024-03-03\n---\n\nBody of ${title}.\n`);
    }
    result = await buildSite({ root, cache: false });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('every incident has its own page; none is written over the incidents folder itself', () => {
    const slugs = result.incidents.map((i) => i.slug).sort();
    expect(slugs).toHaveLength(5);
    expect(new Set(slugs).size).toBe(5);
    expect(slugs.every((s) => s.length > 0)).toBe(true);
    expect(slugs).toEqual(expect.arrayContaining(['2024-01-01-сбой', '事故', '2024-02-02-disk']));
    const pages = readdirSync(path.join(out(), 'incidents'));
    expect(pages).not.toContain('index.html');
    for (const [name, title] of Object.entries(POSTS)) {
      const slug = result.incidents.find((i) => i.title === title)?.slug;
      expect([name, slug === undefined]).toEqual([name, false]);
      expect(readFileSync(path.join(out(), 'incidents', slug!, 'index.html'), 'utf8')).toContain(`Body of ${title}.`);
    }
    expect(result.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  });

  it('a name with no letters at all is a warning naming the file and the URL chosen', () => {
    const warned = result.diagnostics.filter((d) => d.rule === 'incident/slug');
    expect(warned).toHaveLength(2);
    expect(warned.map((d) => [d.file, d.line, d.column])).toEqual(
      expect.arrayContaining([
        ['posts/🔥.md', 1, 1],
        ['posts/💥.md', 1, 1],
      ]),
    );
    const fire = result.incidents.find((i) => i.title === 'Fire')!;
    expect(warned.find((d) => d.file === 'posts/🔥.md')?.message).toContain(`published as ${fire.slug}`);
  });

  it('absolute URLs are percent-encoded; links inside pages reach the pages', () => {
    const sitemap = readFileSync(path.join(out(), 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>https://status.example/pm/incidents/2024-01-01-${encodeURIComponent('сбой')}/</loc>`);
    expect(sitemap).not.toMatch(/<loc>[^<]*[^\x00-\x7f]/);
    const feed = JSON.parse(readFileSync(path.join(out(), 'feed.json'), 'utf8')) as { items: Array<{ url: string }> };
    for (const item of feed.items) expect(() => new URL(item.url)).not.toThrow();
    expect(feed.items.map((i) => decodeURI(new URL(i.url).pathname))).toContain('/pm/incidents/事故/');
    const index = readFileSync(path.join(out(), 'index.html'), 'utf8');
    const hrefs = [...index.matchAll(/href="\.\/(incidents\/[^"]+)"/g)].map((m) => decodeURI(m[1]!));
    expect(hrefs).toEqual(expect.arrayContaining(['incidents/2024-01-01-сбой/', 'incidents/事故/']));
  });
});
