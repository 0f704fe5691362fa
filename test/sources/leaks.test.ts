/**
 * What an attacker's logs can make pm publish or print: lines pm could not read (a CI
 * log with a secret, an `[internal]` line in a public build) never reach dist/, not
 * even quoted in a diagnostic; a label's terminal escape codes never reach a terminal
 * or a page; one line nested 5,000 deep is one malformed line, not a lost source.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { readSource } from '../../src/sources/read.js';
import { buildSite } from '../../src/build/build.js';
import { tempDir } from '../cli/helpers.js';
import { CLI, ensureCompiled, treeHashes } from '../build/cli-helpers.js';

const KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzSECRET';

let top: string;
let site: string;

function post(slug: string, sources: string[], logs: Record<string, string>): string {
  const dir = path.join(site, 'posts', slug);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(logs)) writeFileSync(path.join(dir, name), text);
  const md = [
    '---',
    `title: ${slug}`,
    'date: 2017-01-07',
    'timezone: UTC',
    'sources:',
    ...sources,
    '---',
    '',
    '## Timeline',
    '',
    '- 2017-01-07 21:59 [T0] start',
    '',
  ];
  writeFileSync(path.join(dir, 'index.md'), md.join('\n'));
  return `posts/${slug}/index.md`;
}

beforeAll(() => {
  top = tempDir('pm-leaks-');
  site = path.join(top, 'site');
  mkdirSync(site);
});
afterAll(() => rmSync(top, { recursive: true, force: true }));

describe('unread log lines are never published', () => {
  beforeAll(() => ensureCompiled());

  it('a CI log with a secret: the lines pm could not read appear in no file of dist/', () => {
    // A CI system's JSON export, a CSV export and an RFC 5424 syslog: good lines, and
    // lines where the secret sits where a timestamp should be, or is not JSON at all.
    post('2017-01-07-ci', ['  - path: ci.ndjson', '  - path: ci.csv', '  - path: ci.log', '    format: syslog'], {
      'ci.ndjson': [
        '{"time":"2017-01-07T22:00:00Z","message":"deploy started"}',
        `AWS_SECRET_ACCESS_KEY=${KEY}`,
        `{"time":"AWS_SECRET_ACCESS_KEY=${KEY}","message":"env dump"}`,
        `{"time":"${KEY}", "message": "x"}`,
        `${KEY} {"time":1}`,
        '{"time":"2017-01-07T22:05:00Z","message":"deploy finished"}',
      ].join('\n'),
      'ci.csv': `time,message\n2017-01-07T22:01:00Z,build ok\n${KEY},leaked\n"${KEY}\n`,
      'ci.log': `<13>1 2017-01-07T22:02:00Z ci runner 1 - - tests passed\n<13>1 ${KEY} ci runner 1 - - x\n`,
    });
    const out = path.join(top, 'dist');
    const r = spawnSync(process.execPath, [CLI, 'build', '--root', site, '--out', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    // The build read the good lines and reported the bad ones (so the scan below means something).
    const json = JSON.parse(readFileSync(path.join(out, 'incidents/2017-01-07-ci/timeline.json'), 'utf8'));
    expect(json.events.map((e: { text: string }) => e.text)).toEqual(expect.arrayContaining(['deploy started', 'build ok', 'tests passed', 'deploy finished']));
    const lines = json.diagnostics.filter((d: { rule: string }) => d.rule === 'source/malformed-line' || d.rule === 'source/invalid-date');
    expect(lines.map((d: { file: string; line: number }) => `${path.basename(d.file)}:${d.line}`).sort()).toEqual([
      'ci.csv:3',
      'ci.csv:4',
      'ci.log:2',
      'ci.ndjson:2',
      'ci.ndjson:3',
      'ci.ndjson:4',
      'ci.ndjson:5',
    ]);
    for (const file of Object.keys(treeHashes(out))) {
      const bytes = readFileSync(path.join(out, file), 'latin1');
      for (const piece of [KEY.slice(0, 12), 'AWS_SECRET', 'zSECRET']) expect(bytes.includes(piece), `${file} holds ${piece}`).toBe(false);
    }
  });

  it('--public: an [internal] log line that could not be read leaves nothing of its text', async () => {
    rmSync(path.join(site, 'posts'), { recursive: true, force: true });
    post('2017-01-07-pub', ['  - path: ops.ndjson'], {
      'ops.ndjson': [
        '{"time":"2017-01-07T22:00:00Z","message":"public step"}',
        '{"time":"INTERNAL-ONLY-5e1f rotated the root key","message":"INTERNAL-ONLY-5e1f","internal":true}',
        '{"time":"2017-01-07T22:10:00Z","message":"INTERNAL-ONLY-5e1f read fine","internal":true}',
        '{INTERNAL-ONLY-5e1f, "internal": true}',
      ].join('\n'),
    });
    const pub = await buildSite({ root: site, write: false, public: true });
    const holding = pub.pages.filter((p) => String(p.contents).includes('INTERNAL-ONLY')).map((p) => p.path);
    expect(holding).toEqual([]);
    const json = JSON.parse(String(pub.pages.find((p) => p.path === 'incidents/2017-01-07-pub/timeline.json')?.contents));
    // The broken lines are still reported, by line, to the author.
    expect(json.diagnostics.map((d: { line: number; rule: string }) => `${d.line} ${d.rule}`)).toEqual(
      expect.arrayContaining(['2 source/malformed-line', '4 source/malformed-line']),
    );
    expect(json.events.map((e: { text: string }) => e.text)).toContain('public step');
  });
});

describe('a label with terminal escape codes', () => {
  beforeAll(() => ensureCompiled());

  it('loses them in the JSON, on the page and on the terminal', async () => {
    rmSync(path.join(site, 'posts'), { recursive: true, force: true });
    const file = post(
      '2017-01-07-label',
      ['  - path: auth.log', '    format: syslog', '    label: "sshd\\e[2J\\e]0;owned\\a\\e[31m-red\\x9b1m"', '  - path: app.ndjson'],
      {
        'auth.log': 'Jan  7 22:23:17 web sshd[1]: Failed password for root\n',
        'app.ndjson': '{"time":"2017-01-07T22:30:00Z","message":"restart","label":"app\\u001b[5m-blink\\u0007"}\n',
      },
    );
    const r = await buildSite({ root: site, write: false });
    const json = JSON.parse(String(r.pages.find((p) => p.path === 'incidents/2017-01-07-label/timeline.json')?.contents));
    expect(json.events.map((e: { source: { label?: string } }) => e.source.label)).toEqual([undefined, 'sshd-red', 'app-blink']);
    // every text output (images and the gzipped search index, made from these pages, are bytes)
    for (const p of r.pages.filter((x) => !/\.(png|jpe?g|gif|webp|ico)$/.test(x.path) && !x.path.startsWith('pagefind/')))
      expect(String(p.contents), p.path).not.toMatch(/[\x1b\x07\x9b]/);
    for (const format of ['md', 'table', 'html']) {
      const cli = spawnSync(process.execPath, [CLI, 'timeline', file, '--format', format], { cwd: site, encoding: 'utf8' });
      expect(cli.status, cli.stderr).toBe(0);
      if (format === 'md') expect(cli.stdout).toContain('| sshd-red |');
      expect(cli.stdout + cli.stderr, format).not.toMatch(/[\x1b\x07\x9b]/);
    }
  });
});

describe('a diagnostic about hostile content', () => {
  it('prints no escape sequence, wherever it is printed (pm check, pm build, pm serve’s log)', () => {
    const line = formatDiagnostic({
      level: 'warning',
      file: 'posts/\x1b]0;owned\x07x.md',
      line: 3,
      column: 9,
      rule: 'frontmatter/status',
      message: 'status "\x1b[2J\x1b[31mred\x9b0m" is not one of open, resolved\nsecond line',
    });
    expect(line).toBe('posts/x.md:3:9: warning: frontmatter/status: status "red" is not one of open, resolved\nsecond line');
  });
});

describe('a 5,000-deep JSON line', () => {
  const deep = `{"time":"2017-01-07T22:01:00Z","message":${'['.repeat(5000)}${']'.repeat(5000)}}`;
  const good = (m: number, text: string): string => `{"time":"2017-01-07T22:${String(m).padStart(2, '0')}:00Z","message":"${text}"}`;

  it('is one malformed line of an ndjson source: the good lines around it are events', async () => {
    const dir = tempDir('pm-deep-');
    try {
      const file = path.join(dir, 'app.ndjson');
      writeFileSync(file, [good(0, 'before'), deep, good(2, 'after'), `[${deep}]`, good(3, 'last')].join('\n'));
      for (const spec of [{}, { match: 'e' }]) {
        const r = await readSource({ path: 'app.ndjson', ...spec }, { absPath: file, file: 'posts/x/app.ndjson', zone: 'UTC', year: 2017 });
        expect(r.events.map((e) => `${e.source.line} ${e.text}`)).toEqual(['1 before', '3 after', '5 last']);
        expect(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.level} ${d.rule}: ${d.message}`)).toEqual([
          '2:1 warning source/malformed-line: the value nests deeper than 100 levels of arrays or objects',
          '4:1 warning source/malformed-line: expected a JSON object',
          '0:0 warning source/malformed-summary: 2 of 5 lines could not be read and were left out',
        ]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is one malformed element of a JSON array source, with a filter', async () => {
    const dir = tempDir('pm-deep-');
    try {
      const file = path.join(dir, 'app.json');
      writeFileSync(file, `[\n${good(0, 'before')},\n${deep},\n${good(2, 'after')}\n]\n`);
      const r = await readSource({ path: 'app.json', match: 'e' }, { absPath: file, file: 'posts/x/app.json', zone: 'UTC', year: 2017 });
      expect(r.events.map((e) => `${e.source.line} ${e.text}`)).toEqual(['2 before', '4 after']);
      expect(r.diagnostics.map((d) => `${d.line} ${d.rule}`)).toEqual(['3 source/malformed-line', '0 source/malformed-summary']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
