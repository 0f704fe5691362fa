/**
 * check/dead-link: in-site page links that lead nowhere. The blog case from the issue: a
 * Jekyll post imported as it was links its tag as `tag_post-mortem.html` beside it; with
 * pm's default URLs that page does not exist (reported, with the preset to use), with
 * `url_preset: flat` it does and the report is gone.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSite } from '../../src/check/site.js';
import { main } from '../../src/cli/main.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { buildSite } from '../../src/build/build.js';
import { captureIO } from '../cli/helpers.js';

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'pm-dead-link-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const dead = async (root: string): Promise<string[]> =>
  (await checkSite({ root })).diagnostics.filter((d) => d.rule === 'check/dead-link').map(formatDiagnostic);

describe('check/dead-link', () => {
  it('an imported blog post links tag_post-mortem.html: dead with default URLs, alive with url_preset: flat', async () => {
    const blog = path.join(work, 'blog');
    const site = path.join(work, 'site');
    cpSync(path.resolve(import.meta.dirname, '../fixtures/blog-jekyll'), blog, { recursive: true });
    expect(await main(['import', 'jekyll', blog, '--root', site, '--tag', 'post-mortem'], captureIO())).toBe(0);
    const file = 'posts/2018-11-13-outbound-traffic-blocked/index.md';
    expect(await dead(site)).toEqual([
      `${file}:9:34: warning: check/dead-link: link "tag_post-mortem.html" leads to incidents/2018-11-13-outbound-traffic-blocked/tag_post-mortem.html, a page this site does not have; blog-style tag pages beside the posts need url_preset: flat in pm.config.yaml`,
    ]);

    writeFileSync(path.join(site, 'pm.config.yaml'), 'url_preset: flat\n');
    expect(await dead(site)).toEqual([]);
    const built = await buildSite({ root: site, write: false });
    const paths = built.pages.map((p) => p.path);
    expect(paths).toContain('incidents/2018-11-13-outbound-traffic-blocked.html');
    expect(paths).toContain('incidents/tag_post-mortem.html'); // where the post's link leads
  });

  it('judges page links only, from the incident page URL', async () => {
    const site = path.join(work, 'site');
    const links = [
      '../../',
      '../../tags/',
      '../../tags/dns/',
      '../../tags/nope/',
      '../../about.html',
      '/tags/dns/',
      'https://example.org/x/',
      '#top',
      '../../feed.xml',
      '../../assets/x/',
      '../../../outside/',
    ];
    const body = links.map((l, i) => `- [link ${i}](${l})`).join('\n');
    mkdirSync(path.join(site, 'posts'), { recursive: true });
    writeFileSync(path.join(site, 'posts', '2024-01-01-a.md'), `---\ntitle: A\ndate: 2024-01-01\ntags: [DNS]\n---\n\n${body}\n`);
    expect((await dead(site)).map((l) => /link "([^"]*)"/.exec(l)?.[1])).toEqual(['../../tags/nope/', '../../about.html']);
    // a page published from static/ is a page of the site
    mkdirSync(path.join(site, 'static'));
    writeFileSync(path.join(site, 'static', 'about.html'), '<!doctype html><title>About</title>');
    expect((await dead(site)).map((l) => /link "([^"]*)"/.exec(l)?.[1])).toEqual(['../../tags/nope/']);
  });
});
