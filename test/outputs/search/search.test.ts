/**
 * The Pagefind index in a build: incident pages only, the same bytes from two builds,
 * `search: false` turns it off, and a machine where the binary cannot run still builds
 * with one warning.
 */
import { rmSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../../src/build/build.js';
import { tempDir } from '../../cli/helpers.js';
import { writeCorpus } from '../archive/corpus.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const saved = process.env['PAGEFIND_BINARY_PATH'];
afterEach(() => {
  if (saved === undefined) delete process.env['PAGEFIND_BINARY_PATH'];
  else process.env['PAGEFIND_BINARY_PATH'] = saved;
});

function corpus(n: number, config = ''): string {
  const root = tempDir('pm-search-');
  dirs.push(root);
  writeCorpus(root, n, { config, inReviewEvery: 5 });
  return root;
}

const searchFiles = (r: Awaited<ReturnType<typeof buildSite>>) => r.pages.filter((p) => p.path.startsWith('pagefind/'));

describe('search index', () => {
  it('holds one record per published incident page, and two builds give the same bytes', async () => {
    const root = corpus(60);
    const a = await buildSite({ root, write: false });
    const b = await buildSite({ root, write: false });
    expect(a.diagnostics.filter((d) => d.rule.startsWith('search/'))).toEqual([]);
    const files = searchFiles(a);
    expect(files.map((p) => p.path)).toContain('pagefind/pagefind.js');
    // Pagefind writes one fragment per indexed page: the 48 published incidents, not the lists
    expect(files.filter((p) => p.path.startsWith('pagefind/fragment/'))).toHaveLength(a.incidents.length);
    expect(a.incidents).toHaveLength(48);
    expect(searchFiles(b)).toEqual(files);
    // every page carries the search box pointing at the bundle
    const deep = String(a.pages.find((p) => p.path === 'services/dns/index.html')!.contents);
    expect(deep).toContain('data-pagefind="../../pagefind/"');
  });

  it('search: false: no index and no search box', async () => {
    const r = await buildSite({ root: corpus(5, 'search: false\n'), write: false });
    expect(searchFiles(r)).toEqual([]);
    expect(String(r.pages.find((p) => p.path === 'index.html')!.contents)).not.toContain('role="search"');
  });

  it('a binary that cannot run: the site still builds, with one warning', async () => {
    process.env['PAGEFIND_BINARY_PATH'] = '/nonexistent/pagefind';
    const r = await buildSite({ root: corpus(5), write: false });
    expect(searchFiles(r)).toEqual([]);
    const warnings = r.diagnostics.filter((d) => d.level !== 'info');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 'warning', rule: 'search/unavailable' });
    expect(warnings[0]!.message).toMatch(/^search index not built: .*set `search: false`/);
    expect(r.pages.some((p) => p.path === 'index.html')).toBe(true);
  });
});
