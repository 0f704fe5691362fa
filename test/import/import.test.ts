/**
 * `pm import jekyll|hugo` on small blogs shaped like real ones (Jekyll's `_posts/` with
 * space-separated categories and a `-0600` date, a Hugo page bundle with YAML and a page
 * with TOML front-matter, images in `assets/`, `static/` and beside the post).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { buildSite } from '../../src/build/build.js';
import { captureIO } from '../cli/helpers.js';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');
let work: string;
let site: string;
let cwd: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'pm-import-'));
  site = path.join(work, 'site');
  cpSync(path.join(FIXTURES, 'blog-jekyll'), path.join(work, 'jekyll'), { recursive: true });
  cpSync(path.join(FIXTURES, 'blog-hugo'), path.join(work, 'hugo'), { recursive: true });
  cwd = process.cwd();
  process.chdir(work);
});
afterEach(() => {
  process.chdir(cwd);
  rmSync(work, { recursive: true, force: true });
});

async function pm(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIO();
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderrText };
}

/** `file:line:col` of the first `needle` in a blog file, as the report names it. */
function at(blog: string, rel: string, needle: string): string {
  const text = readFileSync(path.join(work, blog, rel), 'utf8');
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return `${blog}/${rel}:${before.length}:${(before.at(-1) ?? '').length + 1}`;
}

const read = (rel: string): string => readFileSync(path.join(site, rel), 'utf8');

describe('pm import jekyll', () => {
  const POST = '_posts/2018-11-13-outbound-traffic-blocked.md';

  it('copies each post into a bundle with its image, maps the front-matter, keeps the date as written', async () => {
    const r = await pm('import', 'jekyll', 'jekyll', '--root', 'site');
    expect(r.code).toBe(0);
    expect(r.out).toBe('posts/2018-11-13-outbound-traffic-blocked/index.md\nposts/2019-01-02-new-year-update/index.md\n');
    const text = read('posts/2018-11-13-outbound-traffic-blocked/index.md');
    expect(text.split('---\n')[1]).toBe(
      [
        'title: "Outbound traffic blocked"',
        'date: 2018-11-13 20:20:33 -0600',
        'tags: ["post-mortem", "networking"]',
        'authors: ["ben"]',
        'summary: "The provider blocked all outbound traffic after an abuse report."',
        '',
      ].join('\n'),
    );
    expect(text).toContain('![outbound traffic graph](traffic.png)');
    expect(
      readFileSync(path.join(site, 'posts/2018-11-13-outbound-traffic-blocked/traffic.png')).equals(
        readFileSync(path.join(work, 'jekyll/assets/images/traffic.png')),
      ),
    ).toBe(true);
    expect(read('posts/2019-01-02-new-year-update/index.md')).toContain('tags: ["news", "meta"]');
    // what could not be carried over, where it is
    expect(r.err).toContain(`${at('jekyll', POST, '{{ page.id }}')}: warning: import/template: Liquid tag "{{ page.id }}" is not carried over`);
    expect(r.err).toContain(`${at('jekyll', POST, '{% include')}: warning: import/template: Liquid tag "{% include note.html`);
    // {{ site.baseurl }} only prefixes the blog's address: carried over, so the image is found and copied
    expect(r.err).not.toContain('site.baseurl');
    expect(read('posts/2019-01-02-new-year-update/index.md')).toContain('![logo](traffic.png)');
    expect(readdirSync(path.join(site, 'posts/2019-01-02-new-year-update')).sort()).toEqual(['index.md', 'traffic.png']);
    expect(r.err).toMatch(/^pm import: 2 post\(s\) imported from jekyll, 0 kept, 2 thing\(s\) to look at above$/m);
    // and the site builds
    const built = await buildSite({ root: site, write: false });
    expect(built.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    const page = built.pages.find((p) => p.path === 'incidents/2018-11-13-outbound-traffic-blocked/index.html')?.contents ?? '';
    expect(page).toContain('Outbound traffic blocked');
  });

  it('never overwrites: a second run, or a post of the same name already there, keeps what is there', async () => {
    await pm('import', 'jekyll', 'jekyll', '--root', 'site', '--tag', 'news');
    const bundle = path.join(site, 'posts/2019-01-02-new-year-update/index.md');
    writeFileSync(bundle, 'edited by hand\n');
    writeFileSync(path.join(site, 'posts/2018-11-13-outbound-traffic-blocked.md'), 'a post written in pm\n');
    const r = await pm('import', 'jekyll', 'jekyll', '--root', 'site');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain('kept posts/2019-01-02-new-year-update/index.md: already there, pm import never overwrites');
    expect(r.err).toContain('kept posts/2018-11-13-outbound-traffic-blocked/index.md');
    expect(readFileSync(bundle, 'utf8')).toBe('edited by hand\n');
    expect(read('posts/2018-11-13-outbound-traffic-blocked.md')).toBe('a post written in pm\n');
    expect(existsSync(path.join(site, 'posts/2018-11-13-outbound-traffic-blocked'))).toBe(false);
  });

  it('reads nothing outside the blog: linked posts and images are refused and reported', async () => {
    const secret = path.join(work, 'secret.txt');
    writeFileSync(secret, 'TOP SECRET');
    symlinkSync(secret, path.join(work, 'jekyll/_posts/2020-01-01-linked.md'));
    symlinkSync(secret, path.join(work, 'jekyll/assets/images/linked.png'));
    writeFileSync(
      path.join(work, 'jekyll/_posts/2020-02-02-escape.md'),
      '---\ntitle: Escape\ncategories: post-mortem\n---\n\n![a](../../secret.txt) ![b](/assets/images/linked.png) <img src="/../secret.txt">\n',
    );
    const r = await pm('import', 'jekyll', 'jekyll', '--root', 'site', '--tag', 'post-mortem');
    expect(r.err).toContain('jekyll/_posts/2020-01-01-linked.md:0:0: warning: import/refused: not read: it leads outside the blog folder');
    expect(r.err).toContain(
      `${at('jekyll', '_posts/2020-02-02-escape.md', '../../secret.txt')}: warning: import/image: image "../../secret.txt" not copied: it leads outside the blog folder`,
    );
    expect(r.err).toContain('image "/assets/images/linked.png" not copied: it leads outside the blog folder');
    expect(r.err).toContain('image "/../secret.txt" not copied');
    const everything = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? everything(path.join(dir, e.name)) : [readFileSync(path.join(dir, e.name), 'latin1')],
      );
    expect(everything(path.join(site, 'posts')).join('\n')).not.toContain('TOP SECRET');
    expect(readdirSync(path.join(site, 'posts/2020-02-02-escape'))).toEqual(['index.md']);
  });
});

describe('pm import hugo', () => {
  const BUNDLE = 'content/posts/2019-03-04-db-failover/index.md';

  it('--tag post-mortem takes only those; bundles keep their images, static/ images are copied, shortcodes reported', async () => {
    const r = await pm('import', 'hugo', 'hugo', '--root', 'site', '--tag', 'post-mortem');
    expect(r.code).toBe(0);
    expect(r.out).toBe('posts/2019-03-04-db-failover/index.md\nposts/2020-06-01-dns-outage/index.md\n');
    expect(r.err).toContain('1 without the tag "post-mortem" left out');
    expect(read('posts/2019-03-04-db-failover/index.md').split('---\n')[1]).toBe(
      [
        'title: "Database failover took 40 minutes"',
        'date: 2019-03-04T09:30:00-05:00',
        'tags: ["ops", "post-mortem", "database"]',
        'authors: ["Jane Doe"]',
        'summary: "A replica fell behind and the failover waited for it."',
        '',
      ].join('\n'),
    );
    expect(readdirSync(path.join(site, 'posts/2019-03-04-db-failover')).sort()).toEqual(['index.md', 'replication-lag.png']);
    const toml = read('posts/2020-06-01-dns-outage/index.md');
    expect(toml).toContain('date: 2020-06-01T12:00:00Z\n');
    expect(toml).toContain('authors: ["sam"]');
    expect(toml).toContain('![resolver graph](dns.png)');
    expect(readFileSync(path.join(site, 'posts/2020-06-01-dns-outage/dns.png')).equals(readFileSync(path.join(work, 'hugo/static/images/dns.png')))).toBe(true);
    expect(r.err).toContain(`${at('hugo', BUNDLE, '{{< figure')}: warning: import/template: Hugo shortcode "{{< figure src=`);
    expect(r.err).toContain(`${at('hugo', BUNDLE, '{{% note %}}')}: warning: import/template: Hugo shortcode "{{% note %}}"`);
    expect(existsSync(path.join(site, 'posts/2018-01-01-hello-world'))).toBe(false);
    const built = await buildSite({ root: site, write: false });
    expect(built.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  });

  it('wrong usage is exit 2 with the fix', async () => {
    expect((await pm('import', 'wordpress', 'hugo')).code).toBe(2);
    const r = await pm('import', 'hugo', 'no-such-folder');
    expect(r.code).toBe(2);
    expect(r.err).toContain('no-such-folder: no such folder');
  });
});
