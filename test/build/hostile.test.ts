// Attacks on the machine that builds a site, written as the attacker's site folder and
// run through the installed CLI: posts that crashed every build (deep nesting), a post
// that stalled it (quadratic emphasis), a theme that throws inside one incident. Each is
// that file's error with file:line:col where known, the build exits 1 without touching
// dist/, and `pm check` reports the same errors.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureCompiled, treeHashes } from './cli-helpers.js';

const made: string[] = [];
// Each test runs the CLI a few times, and the time-limit ones wait for the limit: generous on a loaded machine.
const SLOW = 120_000;
beforeAll(ensureCompiled);
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function site(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pm-hostile-'));
  made.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const post = (title: string, body: string, front = ''): string => `---\ntitle: ${title}\ndate: 2024-03-11\n${front}---\n\n${body}\n`;

function pm(root: string, args: string[], env: Record<string, string> = {}): { code: number | null; err: string; out: string; ms: number } {
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args, '--root', root], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  return { code: r.status, err: r.stderr, out: r.stdout, ms: Date.now() - started };
}

/** `file:line:col: error: rule` of every error line a command printed. */
const errors = (text: string): string[] =>
  text
    .split('\n')
    .flatMap((l) => /^(\S+:\d+:\d+): error: (\S+):/.exec(l)?.slice(1, 3).join(' ') ?? [])
    .sort();

describe('posts nested deeper than the limit (used to overflow the stack: exit 70, no file named)', () => {
  const files = {
    'posts/2024-03-10-fine.md': post('Fine', 'Nothing to see.', 'sources: [missing.log]\n'),
    'posts/2024-03-11-quotes.md': post('Quotes', `Intro.\n\n${'>'.repeat(2000)} deep`),
    'posts/2024-03-12-list.md': post('List', `${'- '.repeat(1500)}deep`),
    'posts/2024-03-13-emphasis.md': post('Emphasis', `Text\n\n${'*a **a '.repeat(300)}b${' a** a*'.repeat(300)}`),
  };

  it(
    'pm build: exit 1, an error at the line and column of each, the other incidents still processed, no dist/',
    () => {
      const root = site(files);
      const r = pm(root, ['build']);
      expect(r.code).toBe(1);
      expect(r.err).not.toMatch(/internal error|RangeError/);
      expect(errors(r.err)).toEqual([
        'posts/2024-03-10-fine.md:4:10 source/missing', // the harmless post was processed too
        'posts/2024-03-11-quotes.md:8:101 limits/nesting',
        'posts/2024-03-12-list.md:6:201 limits/nesting',
        'posts/2024-03-13-emphasis.md:8:351 limits/nesting',
      ]);
      expect(r.err).toContain('pm accepts at most 100 levels');
      expect(existsSync(path.join(root, 'dist'))).toBe(false);
    },
    SLOW,
  );

  it(
    'pm check reports the same errors',
    () => {
      const root = site(files);
      const build = errors(pm(root, ['build']).err);
      const check = pm(root, ['check']);
      expect(check.code).toBe(1);
      expect(errors(check.out)).toEqual(build);
    },
    SLOW,
  );

  it(
    'a failed build leaves the previous dist/ whole',
    () => {
      const root = site({ 'posts/2024-03-10-fine.md': post('Fine', 'Nothing to see.') });
      expect(pm(root, ['build']).code).toBe(0);
      const before = treeHashes(path.join(root, 'dist'));
      writeFileSync(path.join(root, 'posts/2024-03-11-quotes.md'), files['posts/2024-03-11-quotes.md']);
      expect(pm(root, ['build']).code).toBe(1);
      expect(treeHashes(path.join(root, 'dist'))).toEqual(before);
    },
    SLOW,
  );
});

describe('size limit', () => {
  it(
    'a post over 1 MB is an error naming the limit, not read',
    () => {
      const root = site({ 'posts/2024-03-11-huge.md': post('Huge', 'word '.repeat(220_000)) });
      const r = pm(root, ['build']);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(
        /^posts\/2024-03-11-huge\.md:0:0: error: limits\/size: the file is 1075 KB; pm reads at most 1024 KB \(1 MB\) per incident: move long logs/m,
      );
      expect(errors(pm(root, ['check']).out)).toEqual(errors(r.err));
    },
    SLOW,
  );
});

describe('a post that parses in quadratic time (24 KB of emphasis runs took 6.5 s, 120 KB never finished)', () => {
  const slow = `Text\n\n${'*a '.repeat(40_000)}b${' a*'.repeat(40_000)}`;
  const env = { PM_INCIDENT_TIMEOUT: '5' };

  it(
    'a small build (in-process): stopped at the time limit, an error naming the file and the limit',
    () => {
      const root = site({
        'posts/2024-03-10-fine.md': post('Fine', 'ok', 'sources: [missing.log]\n'),
        'posts/2024-03-11-slow.md': post('Slow', slow),
        // the next slow post after a stopped one is stopped too (lines continuing one quote: also quadratic)
        'posts/2024-03-12-lazy.md': post('Lazy', `> a\n${'b\n'.repeat(60_000)}`),
      });
      const r = pm(root, ['build'], env);
      expect(r.ms).toBeLessThan(40_000);
      expect(r.code).toBe(1);
      expect(errors(r.err)).toEqual([
        'posts/2024-03-10-fine.md:4:10 source/missing',
        'posts/2024-03-11-slow.md:0:0 limits/time',
        'posts/2024-03-12-lazy.md:0:0 limits/time',
      ]);
      expect(r.err).toContain('took longer than the limit of 5 s');
      expect(r.err).toContain('PM_INCIDENT_TIMEOUT=<seconds>');
      const check = pm(root, ['check'], env);
      expect(check.ms).toBeLessThan(40_000);
      expect(errors(check.out)).toEqual(errors(r.err));
    },
    SLOW,
  );

  it(
    'a large ordinary post goes through the time guard, builds, and the command exits at once',
    () => {
      const para = 'The *primary* database ran out of disk at [10:02](https://status.example/1), `df -h` showed 100%. ';
      const root = site({ 'posts/2024-03-11-long.md': post('Long', Array.from({ length: 400 }, () => para).join('\n\n')) });
      const r = pm(root, ['build'], env);
      expect(r.code).toBe(0);
      expect(r.ms).toBeLessThan(15_000);
      expect(existsSync(path.join(root, 'dist/incidents/2024-03-11-long/index.html'))).toBe(true);
    },
    SLOW,
  );

  it(
    'a build in worker processes: the stuck worker is replaced and every other incident still processed',
    () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 60; i++) files[`posts/2024-01-${String(i).padStart(2, '0')}-p.md`] = post(`P${i}`, 'ok', 'sources: [missing.log]\n');
      files['posts/2024-01-02-slow.md'] = post('Slow', slow);
      const r = pm(site(files), ['build'], env);
      expect(r.ms).toBeLessThan(60_000);
      expect(r.code).toBe(1);
      const found = errors(r.err);
      expect(found.filter((e) => e.endsWith('source/missing'))).toHaveLength(60);
      expect(found.filter((e) => !e.endsWith('source/missing'))).toEqual(['posts/2024-01-02-slow.md:0:0 limits/time']);
    },
    SLOW,
  );
});

describe('an exception deep inside one incident', () => {
  it(
    "is that incident's error: a theme partial that recurses forever for posts with a severity",
    () => {
      const root = site({
        'themes/default/partials/facts.hbs': '{{#if incident.severity}}{{> facts}}{{/if}}',
        'posts/2024-03-10-calm.md': post('Calm', 'ok'),
        'posts/2024-03-11-boom.md': post('Boom', 'ok', 'severity: SEV1\n'),
      });
      const r = pm(root, ['build']);
      expect(r.code).toBe(1);
      expect(r.err).not.toContain('internal error');
      expect(errors(r.err)).toEqual(['posts/2024-03-11-boom.md:0:0 incident/failed']);
      expect(r.err).toContain('RangeError: Maximum call stack size exceeded');
      expect(errors(pm(root, ['check']).out)).toEqual(errors(r.err));
    },
    SLOW,
  );
});

describe('an exception on the site-wide pages', () => {
  it(
    "is the theme's error (exit 1); a template that does not compile but is unused is no error",
    () => {
      const root = site({ 'themes/default/layouts/index.hbs': '{{> nosuch}}', 'posts/2024-03-10-calm.md': post('Calm', 'ok') });
      const r = pm(root, ['build']);
      expect(r.code).toBe(1);
      expect(errors(r.err)).toEqual(['themes/default:0:0 theme/failed']);
      expect(r.err).toContain("the theme could not render the site's pages (Error: The partial nosuch could not be found); fix its templates\n");
      const unused = site({ 'themes/default/partials/unused.hbs': '{{#if}}\n', 'posts/2024-03-10-calm.md': post('Calm', 'ok') });
      const ok = pm(unused, ['build']);
      expect(ok.code).toBe(0);
      expect(ok.err).not.toMatch(/error|internal/);
    },
    SLOW,
  );
});
