/**
 * The site-wide step of an incremental `pm build`: what an edit makes again. An edit that
 * changes no summary but moves the action items (a paragraph added above them) rewrites
 * follow-ups.json (its items' `source.line`) and, with search, the search index, and no
 * other site page; whatever it rewrites, the output is the one a full build gives.
 */
import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';
import { tempDir } from '../cli/helpers.js';
import { writeCorpus } from '../outputs/archive/corpus.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, prefix: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else out.set(`${prefix}${name}`, readFileSync(full, 'latin1'));
    }
  };
  walk(dir, '');
  return out;
}

const changed = (a: Map<string, string>, b: Map<string, string>): string[] =>
  [...new Set([...a.keys(), ...b.keys()])].filter((p) => a.get(p) !== b.get(p)).sort();

/** Edits a post (its mtime moved on, so the cache sees it within one clock tick). */
function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
  const later = new Date(statSync(file).mtimeMs + 5000);
  utimesSync(file, later, later);
}

function site(config: string): { root: string; post: string; slug: string } {
  const root = tempDir('pm-engine-site-');
  dirs.push(root);
  const slugs = writeCorpus(root, 60, { config });
  const slug = slugs[slugs.length - 3]!; // older than the newest posts the feeds carry whole
  const post = readdirSync(path.join(root, 'posts')).find((f) => f.endsWith(`-${slug}.md`))!;
  return { root, post: path.join(root, 'posts', post), slug };
}

const followUpLines = (dir: string, slug: string): number[] =>
  (JSON.parse(readFileSync(path.join(dir, 'follow-ups.json'), 'utf8')) as { items: Array<{ incident: { slug: string }; source: { line: number } }> }).items
    .filter((i) => i.incident.slug === slug)
    .map((i) => i.source.line);

describe('incremental site pages', () => {
  it('a paragraph added above the action items rewrites the incident and follow-ups.json only', async () => {
    const { root, post, slug } = site('search: false\n');
    await buildSite({ root });
    const before = tree(path.join(root, 'dist'));
    const lines = followUpLines(path.join(root, 'dist'), slug);
    edit(post, (t) => t.replace('## Timeline', 'A paragraph the edit adds,\nover two lines.\n\n## Timeline'));
    const incr = await buildSite({ root });
    expect(incr.stats).toMatchObject({ incremental: true, rendered: 1 });
    const after = tree(path.join(root, 'dist'));
    expect(changed(before, after)).toEqual([`embed/${slug}/index.html`, 'follow-ups.json', `incidents/${slug}/index.html`, `incidents/${slug}/timeline.json`]);
    expect(followUpLines(path.join(root, 'dist'), slug)).toEqual(lines.map((l) => l + 3));
    await buildSite({ root, cache: false, out: path.join(root, 'fresh') });
    expect(after).toEqual(tree(path.join(root, 'fresh')));
  });

  it('with search, the same edit also re-indexes the one shard, and a title edit renders the lists again', async () => {
    const { root, post, slug } = site('');
    await buildSite({ root });
    const before = tree(path.join(root, 'dist'));
    edit(post, (t) => t.replace('## Timeline', 'A paragraph the edit adds.\n\n## Timeline'));
    const body = await buildSite({ root });
    expect(body.stats).toMatchObject({ incremental: true, rendered: 1, search: { indexed: 1, kept: 0 } });
    const afterBody = tree(path.join(root, 'dist'));
    const touched = changed(before, afterBody);
    expect(touched.filter((p) => !p.startsWith('pagefind/'))).toEqual([
      `embed/${slug}/index.html`,
      'follow-ups.json',
      `incidents/${slug}/index.html`,
      `incidents/${slug}/timeline.json`,
    ]);
    expect(touched.some((p) => p.startsWith('pagefind/fragment/'))).toBe(true);

    edit(post, (t) => t.replace(/^title: .*$/m, 'title: "A title the edit gives"'));
    await buildSite({ root });
    const afterTitle = tree(path.join(root, 'dist'));
    expect(changed(afterBody, afterTitle)).toEqual(expect.arrayContaining(['page/2/index.html', 'incidents.json', 'follow-ups.json']));
    expect(afterTitle.get('page/2/index.html')).toContain('A title the edit gives');
    expect(changed(afterBody, afterTitle)).not.toContain('index.html'); // the first page lists newer incidents only
    await buildSite({ root, cache: false, out: path.join(root, 'fresh') });
    expect(afterTitle).toEqual(tree(path.join(root, 'fresh')));
  }, 120_000);
});
