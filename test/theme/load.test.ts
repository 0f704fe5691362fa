/**
 * An attacker's site points its theme outside itself: a theme file that is a link to a
 * private key, a theme folder that is a link elsewhere, an embed script linked to a
 * secret, a named pipe among the assets, a link loop. None of it is read or published;
 * each is a `file:line:col` error. Links that stay inside the site keep working.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';
import { loadSiteTheme } from '../../src/theme/load.js';
import { tempDir } from '../cli/helpers.js';
import { CLI, ensureCompiled } from '../build/cli-helpers.js';

const KEY = '-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAA-THEME-SECRET';

let top: string;
let site: string;
const home = (): string => path.join(top, 'home');

beforeAll(() => {
  top = tempDir('pm-theme-');
  mkdirSync(path.join(home(), '.ssh'), { recursive: true });
  writeFileSync(path.join(home(), '.ssh', 'id_rsa'), `${KEY}\n`);
});
afterAll(() => rmSync(top, { recursive: true, force: true }));

beforeEach(() => {
  site = path.join(top, 'site');
  mkdirSync(path.join(site, 'posts'), { recursive: true });
  writeFileSync(path.join(site, 'posts', '2017-01-07-x.md'), '---\ntitle: X\ndate: 2017-01-07\n---\n\n## Timeline\n\n- 2017-01-07 22:00 [T0] start\n');
});
afterEach(() => rmSync(site, { recursive: true, force: true }));

const themeDir = (...parts: string[]): string => {
  const dir = path.join(site, 'themes', 'default', ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
};

async function build() {
  const r = await buildSite({ root: site, write: false });
  return {
    published: r.pages.map((p) => `${p.path}\n${String(p.contents)}`).join('\n'),
    paths: r.pages.map((p) => p.path),
    problems: r.diagnostics.filter((d) => d.level !== 'info').map((d) => `${d.file}:${d.line}:${d.column}: ${d.level}: ${d.rule}: ${d.message}`),
  };
}

describe('theme files are read only from inside the site', () => {
  it('an asset linked to ~/.ssh/id_rsa is an error and is not published', async () => {
    symlinkSync(path.join(home(), '.ssh', 'id_rsa'), path.join(themeDir('assets'), 'leak.txt'));
    const { published, paths, problems } = await build();
    expect(problems).toEqual([
      'themes/default/assets/leak.txt:0:0: error: theme/outside: theme file is outside the site folder once links are followed; a theme may only use files inside the site, so it is not read or published',
    ]);
    expect(published).not.toContain('THEME-SECRET');
    expect(paths.filter((p) => p.includes('leak'))).toEqual([]);
  });

  it('a layout, a partial and an embed script linked outside are not used either', async () => {
    symlinkSync(path.join(home(), '.ssh', 'id_rsa'), path.join(themeDir('layouts'), 'base.hbs'));
    symlinkSync(path.join(home(), '.ssh', 'id_rsa'), path.join(themeDir('partials'), 'facts.hbs'));
    symlinkSync(path.join(home(), '.ssh', 'id_rsa'), path.join(themeDir('embed'), 'embed.js'));
    const { published, problems } = await build();
    expect(problems.map((p) => p.split(': ')[0] + ' ' + p.split(': ')[2])).toEqual([
      'themes/default/embed/embed.js:0:0 theme/outside',
      'themes/default/layouts/base.hbs:0:0 theme/outside',
      'themes/default/partials/facts.hbs:0:0 theme/outside',
    ]);
    expect(published).not.toContain('THEME-SECRET');
  });

  it('a theme folder that is a link outside the site is refused as a whole', async () => {
    mkdirSync(path.join(top, 'elsewhere', 'assets'), { recursive: true });
    writeFileSync(path.join(top, 'elsewhere', 'assets', 'x.css'), 'ELSEWHERE-MARKER');
    mkdirSync(path.join(site, 'themes'), { recursive: true });
    symlinkSync(path.join(top, 'elsewhere'), path.join(site, 'themes', 'default'));
    const { published, problems } = await build();
    expect(problems).toEqual([
      'themes/default:0:0: error: theme/outside: theme folder is outside the site folder once links are followed; a theme may only use files inside the site, so it is not read or published',
    ]);
    expect(published).not.toContain('ELSEWHERE-MARKER');
  });

  it('links that stay inside the site are followed, a link loop ends', async () => {
    mkdirSync(path.join(site, 'brand'), { recursive: true });
    writeFileSync(path.join(site, 'brand', 'logo.svg'), '<svg id="BRAND-INSIDE"/>');
    symlinkSync('../../../brand/logo.svg', path.join(themeDir('assets'), 'logo.svg'));
    symlinkSync('..', path.join(themeDir('assets', 'nested'), 'loop'));
    const { published, paths, problems } = await build();
    expect(problems).toEqual([]);
    expect(published).toContain('BRAND-INSIDE');
    expect(paths.filter((p) => p.startsWith('assets/logo.'))).toHaveLength(1);
  });

  it('a link to nothing is skipped with a warning', () => {
    symlinkSync(path.join(site, 'no-such-file.css'), path.join(themeDir('assets'), 'gone.css'));
    const { theme, diagnostics } = loadSiteTheme([path.join(site, 'themes', 'default')], site);
    expect(Object.keys(theme.assets)).toEqual([]);
    expect(diagnostics.map((d) => `${d.file} ${d.level} ${d.rule}`)).toEqual(['themes/default/assets/gone.css warning theme/unreadable']);
  });
});

describe('the theme name in pm.config.yaml', () => {
  for (const [name, value] of [
    ['with ..', '"../../../../etc"'],
    ['as an absolute path', 'ABS'],
    ['with a slash', 'evil/x'],
  ] as const) {
    it(`is refused ${name}, at the config line, and nothing from there is used`, async () => {
      const evil = path.join(top, 'evil-theme');
      mkdirSync(path.join(evil, 'layouts'), { recursive: true });
      writeFileSync(path.join(evil, 'layouts', 'base.hbs'), 'EVIL-THEME-MARKER {{{body}}}');
      const written = value === 'ABS' ? JSON.stringify(evil) : value;
      writeFileSync(path.join(site, 'pm.config.yaml'), `title: Site\ntheme: ${written}\n`);
      const { published, problems } = await build();
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^pm\.config\.yaml:2:8: error: config\/value: theme: ".*" is not a folder name under themes\/: use letters, digits/);
      expect(published).not.toContain('EVIL-THEME-MARKER');
    });
  }

  it('accepts a plain folder name', async () => {
    mkdirSync(path.join(site, 'themes', 'dark-v2.1', 'assets'), { recursive: true });
    writeFileSync(path.join(site, 'themes', 'dark-v2.1', 'assets', 'dark.css'), 'body{color:#eee}');
    writeFileSync(path.join(site, 'pm.config.yaml'), 'theme: dark-v2.1\n');
    const { paths, problems } = await build();
    expect(problems).toEqual([]);
    expect(paths.filter((p) => p.startsWith('assets/dark.'))).toHaveLength(1);
  });
});

describe.skipIf(process.platform === 'win32')('a named pipe in the theme', () => {
  beforeAll(() => ensureCompiled());

  it('is an error, never opened: the build ends at once', () => {
    execFileSync('mkfifo', [path.join(themeDir('assets'), 'pipe.css')]);
    const started = Date.now();
    const r = spawnSync(process.execPath, [CLI, 'build', '--root', site, '--out', path.join(top, 'dist')], { encoding: 'utf8', timeout: 20_000 });
    expect(r.signal).toBeNull();
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('themes/default/assets/pipe.css:0:0: error: theme/unreadable: theme file is a named pipe, not a file: it is not read');
  });
});
