/**
 * outputs/paths.ts is the one list of where pm writes: every file a build of a real site
 * folder makes is either placed by the URL patterns or named there, and a URL pattern
 * may not land on any of them.
 */
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';
import { urlPatternProblems } from '../../src/config/url-patterns.js';
import * as paths from '../../src/outputs/paths.js';
import { fileForUrl } from '../../src/outputs/urls.js';
import { slugify } from '../../src/slug.js';
import { tempDir } from '../cli/helpers.js';

const FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'site-basic');
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

async function written(): Promise<{ files: string[]; slugs: string[]; tags: string[]; services: string[] }> {
  const root = tempDir('pm-paths-');
  made.push(root);
  cpSync(FIXTURE, root, { recursive: true });
  const r = await buildSite({ root, write: false, drafts: true });
  expect(r.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  return {
    files: r.pages.map((p) => p.path),
    slugs: r.incidents.map((s) => s.slug),
    tags: [...new Set(r.incidents.flatMap((s) => s.tags.map((t) => t.slug)))],
    services: [...new Set(r.incidents.flatMap((s) => s.services.map(slugify)))],
  };
}

describe('output paths', () => {
  it('every file of a build is a URL-pattern page or a path of outputs/paths.ts', async () => {
    const { files, slugs, tags, services } = await written();
    expect(slugs.length).toBeGreaterThan(1);
    expect(tags.length).toBeGreaterThan(0);
    expect(services.length).toBeGreaterThan(0);
    const expected = new Set<string>([
      'index.html',
      paths.NOT_FOUND_PATH,
      fileForUrl('tags/'),
      paths.ATOM_FEED_PATH,
      paths.JSON_FEED_PATH,
      paths.INCIDENTS_JSON_PATH,
      paths.SITEMAP_PATH,
      paths.STATUSPAGE_PATH,
      paths.STATUSPAGE_SUMMARY_PATH,
      paths.EMBED_SCRIPT_PATH,
      paths.INSIGHTS_PAGE,
      paths.INSIGHTS_JSON_PATH,
      paths.FOLLOW_UPS_PAGE,
      paths.FOLLOW_UPS_JSON_PATH,
      fileForUrl(paths.SERVICES_URL),
    ]);
    for (const slug of slugs) for (const f of [fileForUrl(`incidents/${slug}/`), paths.timelineJsonPath(slug), paths.embedPagePath(slug)]) expected.add(f);
    for (const first of [...tags.map((t) => `tags/${t}/`), ...services.map(paths.serviceUrl)]) {
      expected.add(fileForUrl(first));
      expected.add(paths.listFeedUrl(first));
    }
    const bundles = [paths.ASSETS_DIR, paths.SEARCH_DIR];
    const rest = files.filter((f) => !bundles.some((dir) => f.startsWith(dir)));
    expect(rest.sort()).toEqual([...expected].sort());
    for (const dir of bundles) expect(files.some((f) => f.startsWith(dir))).toBe(true);
  });

  it('pages past the first sit under the list folder in the style of its first page', () => {
    expect(paths.pageUrl('', 1)).toBe('');
    expect(paths.pageUrl('', 3)).toBe('page/3/');
    expect(paths.pageUrl('tags/dns/', 2)).toBe('tags/dns/page/2/');
    expect(paths.pageUrl('topics/dns.html', 2)).toBe('topics/dns/page/2.html');
    expect(paths.listFeedUrl('topics/dns.html')).toBe('topics/dns/feed.xml');
  });

  it.each(paths.reservedNames())('a tag index pattern on "%s" is refused', (name) => {
    const problems = urlPatternProblems({ tags: `${name}/` });
    expect(problems.map((p) => p.message).join('\n')).toMatch(/would write over pages pm makes itself/);
  });

  it('reserves every top-level name a build writes outside the URL patterns (follow-ups.json too)', () => {
    expect(paths.reservedNames()).toEqual(expect.arrayContaining(['api', 'embed', 'pagefind', 'page', 'feed.xml', 'follow-ups.json', '404.html', 'assets']));
    expect(paths.reservedNames()).not.toContain('incidents');
  });
});
