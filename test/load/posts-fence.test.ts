/**
 * An attacker's site whose posts are links out of it: a post linked to a file elsewhere,
 * a bundle folder linked elsewhere, `posts:` naming a folder outside the site, and a
 * named pipe where a bundle's index.md should be. None is read or published.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';
import { tempDir } from '../cli/helpers.js';
import { CLI, ensureCompiled } from '../build/cli-helpers.js';

// A file outside the site that happens to read as a post: if it were read, it would be published.
const STOLEN = '---\ntitle: STOLEN-POST-8a1b\ndate: 2017-01-07\n---\n\n## Summary\n\nSTOLEN-BODY-8a1b\n';

let top: string;
let site: string;
const elsewhere = (): string => path.join(top, 'elsewhere');

beforeAll(() => {
  top = tempDir('pm-posts-fence-');
  mkdirSync(path.join(elsewhere(), 'bundle'), { recursive: true });
  writeFileSync(path.join(elsewhere(), 'notes.md'), STOLEN);
  writeFileSync(path.join(elsewhere(), 'bundle', 'index.md'), STOLEN);
});
afterAll(() => rmSync(top, { recursive: true, force: true }));
beforeEach(() => {
  site = path.join(top, 'site');
  mkdirSync(path.join(site, 'posts'), { recursive: true });
  writeFileSync(path.join(site, 'posts', '2017-01-07-own.md'), '---\ntitle: Own\ndate: 2017-01-07\n---\n\n## Summary\n\nMine.\n');
});
afterEach(() => rmSync(site, { recursive: true, force: true }));

async function build() {
  const r = await buildSite({ root: site, write: false });
  return {
    published: r.pages.map((p) => String(p.contents)).join('\n'),
    errors: r.diagnostics.filter((d) => d.level === 'error').map((d) => `${d.file}:${d.line}:${d.column}: ${d.rule}: ${d.message}`),
    slugs: r.incidents.map((i) => i.slug),
  };
}

describe('posts that lead out of the site', () => {
  it('a post that is a link to a file outside is an error and is not read', async () => {
    symlinkSync(path.join(elsewhere(), 'notes.md'), path.join(site, 'posts', '2017-01-08-link.md'));
    const { published, errors, slugs } = await build();
    expect(errors).toEqual([
      'posts/2017-01-08-link.md:0:0: site/outside: this post is outside the site folder once links are followed: a site may only publish files inside it, so it is not read',
    ]);
    expect(published).not.toContain('8a1b');
    expect(slugs).toEqual(['2017-01-07-own']);
  });

  it('a bundle folder linked outside is refused', async () => {
    symlinkSync(path.join(elsewhere(), 'bundle'), path.join(site, 'posts', '2017-01-09-bundle'));
    const { published, errors } = await build();
    expect(errors.map((e) => e.split(': ').slice(0, 2).join(': '))).toEqual(['posts/2017-01-09-bundle:0:0: site/outside']);
    expect(published).not.toContain('8a1b');
  });

  it('a link that stays inside the site is read', async () => {
    mkdirSync(path.join(site, 'archive'));
    writeFileSync(path.join(site, 'archive', 'old.md'), '---\ntitle: Archived\ndate: 2016-05-01\n---\n\n## Summary\n\nARCHIVED-INSIDE\n');
    symlinkSync('../archive/old.md', path.join(site, 'posts', '2016-05-01-old.md'));
    const { published, errors } = await build();
    expect(errors).toEqual([]);
    expect(published).toContain('ARCHIVED-INSIDE');
  });

  it('`posts:` naming a folder outside the site is a config error at its line', async () => {
    writeFileSync(path.join(site, 'pm.config.yaml'), `title: T\nposts: ../elsewhere\n`);
    const { published, errors } = await build();
    expect(errors).toEqual([
      'pm.config.yaml:2:8: config/value: posts: expected a folder inside the site, such as posts or content/incidents (no absolute path, no ..)',
    ]);
    expect(published).not.toContain('8a1b');
  });
});

describe.skipIf(process.platform === 'win32')('a named pipe as a bundle index.md', () => {
  beforeAll(() => ensureCompiled());

  it('is an error, never opened: the build ends at once', () => {
    mkdirSync(path.join(site, 'posts', '2017-01-10-pipe'));
    execFileSync('mkfifo', [path.join(site, 'posts', '2017-01-10-pipe', 'index.md')]);
    const started = Date.now();
    const r = spawnSync(process.execPath, [CLI, 'build', '--root', site, '--out', path.join(top, 'dist')], { encoding: 'utf8', timeout: 20_000 });
    expect(r.signal).toBeNull();
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('posts/2017-01-10-pipe/index.md:0:0: error: site/unreadable: this post is a named pipe, not a file: it is not read');
  });
});
