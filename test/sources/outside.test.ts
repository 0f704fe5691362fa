/**
 * An attacker's site (a pull request CI builds) names log files outside itself: by
 * absolute path, by `../`, through a link to a file or to a folder, or a named pipe
 * that would hang the build. None is read; each is an error at the post's `sources:`
 * line that does not quote the file. A link inside the site stays allowed, and so does
 * a log the user names on the command line.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';
import { tempDir } from '../cli/helpers.js';
import { CLI, ensureCompiled } from '../build/cli-helpers.js';

const SECRET = 'OUTSIDE-SECRET-4c1d';
const LOG = `Jan  7 22:23:17 web sshd[1]: ${SECRET} first\nJan  7 22:24:00 web sshd[2]: ${SECRET} second\n`;

let top: string;
let site: string;
const outside = (): string => path.join(top, 'home');

function post(slug: string, sourceLines: string[]): string {
  const dir = path.join(site, 'posts', slug);
  mkdirSync(dir, { recursive: true });
  const text = [
    '---',
    `title: ${slug}`,
    'date: 2017-01-07',
    'timezone: UTC',
    'sources:',
    ...sourceLines,
    '---',
    '',
    '## Timeline',
    '',
    '- 2017-01-07 22:00 [T0] start',
    '',
  ].join('\n');
  writeFileSync(path.join(dir, 'index.md'), text);
  return `posts/${slug}/index.md`;
}

beforeAll(() => {
  top = tempDir('pm-outside-');
  site = path.join(top, 'site');
  mkdirSync(outside(), { recursive: true });
  writeFileSync(path.join(outside(), 'auth.log'), LOG);
  mkdirSync(path.join(site, 'posts'), { recursive: true });
});
afterAll(() => rmSync(top, { recursive: true, force: true }));

/** Builds the site in memory with only this post in it (`plant` adds files beside it). */
async function attempt(slug: string, sourceLines: string[], plant: (dir: string) => void = () => {}) {
  rmSync(path.join(site, 'posts'), { recursive: true, force: true });
  const file = post(slug, sourceLines);
  plant(path.join(site, 'posts', slug));
  const result = await buildSite({ root: site, write: false });
  const published = result.pages.map((p) => String(p.contents)).join('\n');
  const messages = result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.level}: ${d.rule}: ${d.message}`);
  return { file, result, published, messages };
}

describe('log sources outside the site are refused', () => {
  const cases: Array<[string, () => string[]]> = [
    ['an absolute path', () => [`  - path: ${path.join(outside(), 'auth.log')}`, '    format: syslog']],
    ['a ../ path', () => ['  - path: ../../../home/auth.log', '    format: syslog']],
    ['a bare string with ../', () => ['  - ../../../home/auth.log']],
  ];
  for (const [name, lines] of cases) {
    it(`by ${name}`, async () => {
      const { file, published, messages } = await attempt('2017-01-07-steal', lines());
      expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^${file}:6:3: error: source/outside: source ".*auth.log" is outside the site folder`)));
      expect(published).not.toContain(SECRET);
      expect(messages.join('\n')).not.toContain(SECRET);
    });
  }

  it('through a link to a file outside', async () => {
    const { file, published, messages } = await attempt('2017-01-07-link', ['  - path: auth.log', '    format: syslog'], (dir) =>
      symlinkSync(path.join(outside(), 'auth.log'), path.join(dir, 'auth.log')),
    );
    expect(messages).toContain(
      `${file}:6:3: error: source/outside: source "auth.log" is outside the site folder once links are followed: a post may only read logs inside its site. ` +
        'Copy the log into the site (next to the post), or name it on the command line: pm timeline FILE --source LOG',
    );
    expect(published + messages.join('')).not.toContain(SECRET);
  });

  it('through a linked folder, and a missing file there is not told apart from an existing one', async () => {
    const { file, published, result } = await attempt(
      '2017-01-07-folder',
      ['  - path: logs/auth.log', '    format: syslog', '  - path: logs/nothing-here.log', '  - path: dangling.log'],
      (dir) => {
        symlinkSync(outside(), path.join(dir, 'logs'));
        symlinkSync(path.join(outside(), 'not-there.log'), path.join(dir, 'dangling.log'));
      },
    );
    const refused = result.diagnostics.filter((d) => d.file === file && d.level === 'error').map((d) => d.rule);
    expect(refused).toEqual(['source/outside', 'source/outside', 'source/outside']);
    expect(published).not.toContain(SECRET);
  });

  it('but a link inside the site to a log inside the site is read', async () => {
    const { result } = await attempt(
      '2017-01-07-inside',
      ['  - path: ../../logs/current.log', '    format: syslog', '  - path: linked.log', '    format: syslog'],
      (dir) => {
        mkdirSync(path.join(site, 'logs'), { recursive: true });
        writeFileSync(path.join(site, 'logs', 'auth.log'), 'Jan  7 22:30:00 web sshd[3]: INSIDE-OK accepted\n');
        symlinkSync('auth.log', path.join(site, 'logs', 'current.log'));
        symlinkSync('../../logs/auth.log', path.join(dir, 'linked.log'));
      },
    );
    rmSync(path.join(site, 'logs'), { recursive: true, force: true });
    expect(result.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    const json = JSON.parse(String(result.pages.find((p) => p.path === 'incidents/2017-01-07-inside/timeline.json')?.contents));
    expect(json.events.filter((e: { text: string }) => e.text === 'INSIDE-OK accepted')).toHaveLength(2);
  });
});

describe('a log named on the command line is the user’s own choice', () => {
  beforeAll(() => ensureCompiled());

  it('pm timeline FILE --source reads a log outside the site', () => {
    rmSync(path.join(site, 'posts'), { recursive: true, force: true });
    const file = post('2017-01-07-cli', []);
    const r = spawnSync(process.execPath, [CLI, 'timeline', file, '--source', path.join(outside(), 'auth.log'), '--json'], { cwd: site, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).events.map((e: { text: string }) => e.text)).toContain(`${SECRET} first`);
  });
});

describe('a post opened from outside the current folder', () => {
  beforeAll(() => ensureCompiled());

  it('reads the logs in its own folder, and none outside it', () => {
    const dir = path.join(top, 'downloads');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'own.log'), 'Jan  7 22:40:00 web sshd[4]: OWN-LOG-LINE\n');
    const md = [
      '---',
      'title: Mailed post',
      'date: 2017-01-07',
      'timezone: UTC',
      'sources:',
      '  - own.log',
      '  - ../home/auth.log',
      '---',
      '',
      '## Timeline',
      '',
      '- 2017-01-07 22:00 [T0] start',
      '',
    ];
    writeFileSync(path.join(dir, 'post.md'), md.join('\n'));
    const r = spawnSync(process.execPath, [CLI, 'timeline', '../downloads/post.md', '--json'], { cwd: site, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error: source/outside: source "../home/auth.log" is outside the site folder');
    const texts = JSON.parse(r.stdout).events.map((e: { text: string }) => e.text);
    expect(texts).toContain('OWN-LOG-LINE');
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });
});

describe.skipIf(process.platform === 'win32')('a named pipe as a log source', () => {
  beforeAll(() => ensureCompiled());

  it('is an error, never opened: the build ends at once and dist/ is not written', () => {
    rmSync(path.join(site, 'posts'), { recursive: true, force: true });
    const file = post('2017-01-07-fifo', ['  - path: pipe.log', '    format: syslog']);
    execFileSync('mkfifo', [path.join(site, 'posts', '2017-01-07-fifo', 'pipe.log')]);
    const started = Date.now();
    const out = path.join(top, 'dist-fifo');
    const r = spawnSync(process.execPath, [CLI, 'build', '--root', site, '--out', out], { encoding: 'utf8', timeout: 20_000 });
    expect(r.signal).toBeNull(); // not killed by the timeout
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}:6:3: error: source/unreadable: source "pipe.log" is a named pipe, not a log file`);
    expect(spawnSync('test', ['-e', out]).status).toBe(1);
  });

  it('is an error on the command line too', () => {
    const file = 'posts/2017-01-07-fifo/index.md';
    const r = spawnSync(process.execPath, [CLI, 'timeline', file, '--source', 'posts/2017-01-07-fifo/pipe.log'], {
      cwd: site,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('is a named pipe, not a log file');
  });
});
