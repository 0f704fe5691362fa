/**
 * An incident whose page would land on a site-wide page (a slug `tags` under url_preset: flat puts
 * it at incidents/tags.html, the tag index) fails the build instead of silently losing one page.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { buildSite } from '../../src/build/build.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { captureIO } from '../cli/helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function site(config: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pm-collide-'));
  dirs.push(root);
  mkdirSync(path.join(root, 'posts'));
  writeFileSync(path.join(root, 'pm.config.yaml'), `${config}search: false\n`);
  return root;
}
function post(root: string, name: string, slug: string): void {
  const text = `---\ntitle: Disk full on ${name}\ndate: 2024-03-05T10:00:00Z\nslug: ${slug}\ntags: [storage]\n---\n\n## Timeline\n\n- 10:00 disk alarm\n`;
  writeFileSync(path.join(root, 'posts', `${name}.md`), text);
}

describe('incident pages never overwrite site pages', () => {
  it('slug `tags` under url_preset: flat is an error naming the post and the path; dist/ stays as it was', async () => {
    const root = site('url_preset: flat\n');
    post(root, 'db', 'db-disk');
    const io = captureIO();
    expect(await main(['build', '--root', root, '-q'], io)).toBe(0);
    const index = readFileSync(path.join(root, 'dist/incidents/tags.html'), 'utf8');

    post(root, 'tags', 'tags');
    const built = await buildSite({ root, write: false });
    const errors = built.diagnostics.filter((d) => d.level === 'error').map(formatDiagnostic);
    expect(errors).toEqual([expect.stringMatching(/^posts\/tags\.md:1:1: error: site\/page-collision: its page incidents\/tags\.html is where pm writes/)]);

    const again = captureIO();
    expect(await main(['build', '--root', root, '-q'], again)).toBe(1);
    expect(again.stderrText).toContain('site/page-collision');
    expect(readFileSync(path.join(root, 'dist/incidents/tags.html'), 'utf8')).toBe(index);
  });

  it('with the default URLs the same slug is fine: incidents/tags/ is not the tag index', async () => {
    const root = site('');
    post(root, 'tags', 'tags');
    const built = await buildSite({ root, write: false });
    expect(built.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(built.pages.map((p) => p.path)).toEqual(expect.arrayContaining(['incidents/tags/index.html', 'tags/index.html']));
  });
});
