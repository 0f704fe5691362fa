/**
 * `urls:` in pm.config.yaml is site content: a pattern that drops the placeholder,
 * climbs out of the output folder or lands on pm's own pages is a config error
 * with the file, line and key — never an internal error or a site of one page.
 */
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadConfig, resolveConfig } from '../../src/config/resolve.js';
import { urlPatternProblems } from '../../src/config/url-patterns.js';
import { captureIO, tempDir } from '../cli/helpers.js';

const FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'site-basic');
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function siteWith(config: string): string {
  const root = tempDir('pm-urls-');
  made.push(root);
  cpSync(FIXTURE, root, { recursive: true });
  writeFileSync(path.join(root, 'pm.config.yaml'), config);
  return root;
}

describe('urls: patterns in the config', () => {
  it.each([
    ['incident: incidents/', 'urls.incident: must hold :slug once'],
    ['incident: "posts/:title/"', 'urls.incident: ":title" is not a placeholder here; use :slug'],
    ['incident: "../../outside/:slug/"', 'must stay inside the site'],
    ['incident: "a//:slug/"', 'must stay inside the site'],
    ['incident: "https://evil.example/:slug/"', 'must be a path inside the site'],
    ['incident: "//evil.example/:slug/"', 'must be a path inside the site'],
    ['incident: "x/:slug/:slug/"', 'must hold :slug once'],
    ['incident: "x/:slug"', 'must end with "/"'],
    ['incident: ":slug.html"', 'must start with a folder or a prefix'],
    ['incident: "assets/:slug/"', 'would write over pages pm makes itself (assets)'],
    ['incident: "x\\\\:slug/"', 'may hold only letters'],
    ['incident: "x/:slug/?q=1"', 'may hold only letters'],
    ['tag: "tags/"', 'urls.tag: must hold :tag once'],
    ['tags: "index.html"', 'urls.tags: "index.html" would write over pages pm makes itself'],
    ['tags: ""', 'urls.tags: must not be empty'],
    ['tags: "t/:tag/"', 'urls.tags: ":tag" is not a placeholder here; this page has none'],
    ['incident: [a, b]', 'urls.incident: expected a string'],
    ['incident: "x/:slug/"\n  tag: "x/:tag/"', 'urls.tag: incident and tag pages would share paths'],
    ['incidents: "x/:slug/"', 'urls.incidents: unknown key'],
  ])('%s → %s', async (pattern, message) => {
    const root = siteWith(`title: Ops\nurls:\n  ${pattern}\n`);
    const io = captureIO();
    const code = await main(['build', '--root', root, '--out', path.join(root, 'dist')], io);
    // the place is the value of the key named in the message, in the config file
    const key = /^urls\.(\w+)/.exec(message)?.[1] ?? /^(\w+):/.exec(pattern)![1]!;
    const lines = `title: Ops\nurls:\n  ${pattern}\n`.split('\n');
    const at = lines.findIndex((l, i) => i > 1 && l.startsWith(`  ${key}:`));
    const column = lines[at]!.indexOf(':') + 3;
    const line = io.stderrText.split('\n').find((l) => l.includes('config/urls')) ?? io.stderrText;
    const prefix = `pm.config.yaml:${at + 1}:${column}: error: config/urls: `;
    expect([code, line.slice(0, prefix.length), line]).toEqual([1, prefix, expect.stringContaining(message)]);
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });

  it('patterns a migrating blog uses are accepted and honoured', async () => {
    const root = siteWith('urls:\n  incident: "/posts/:slug.html"\n  tag: "tag_:tag.html"\n  tags: "topics/"\n');
    expect(loadConfig(root).diagnostics).toEqual([]);
    const io = captureIO();
    expect(await main(['build', '--root', root, '--out', path.join(root, 'dist')], io)).toBe(0);
    expect(readdirSync(path.join(root, 'dist', 'posts')).sort()).toEqual(['2017-01-07-bundle.html', '2020-09-02-outbound.html']);
    expect(existsSync(path.join(root, 'dist', 'topics', 'index.html'))).toBe(true);
    expect(readdirSync(path.join(root, 'dist')).filter((f) => f.startsWith('tag_')).length).toBeGreaterThan(0);
  });

  it('a library caller passing a bad pattern gets the same reason, thrown', () => {
    expect(() => resolveConfig({ urls: { incident: 'incidents/' } })).toThrow(/urls\.incident: must hold :slug once/);
    expect(urlPatternProblems({ incident: 'incidents/:slug/', tag: 'tags/:tag/', tags: 'tags/' })).toEqual([]);
  });
});
