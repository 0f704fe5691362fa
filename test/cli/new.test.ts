import { existsSync, readFileSync, rmSync } from 'node:fs';
import fc from 'fast-check';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { readFrontMatter } from '../../src/frontmatter/read.js';
import { buildSite } from '../../src/build/build.js';
import { captureIO, tempDir } from './helpers.js';

let root: string;
let cwd: string;
beforeEach(() => {
  root = tempDir();
  cwd = process.cwd();
  process.chdir(root);
});
afterEach(() => {
  process.chdir(cwd);
  rmSync(root, { recursive: true, force: true });
});

const run = (args: string[], io = captureIO()) => main(args, io).then((code) => ({ code, io }));

describe('pm new incident', () => {
  it('writes posts/<date>-<slug>.md with the front-matter asked for and prints its path', async () => {
    const { code, io } = await run(['new', 'incident', 'Disk full on db1', '--date', '2026-03-04', '--timezone', 'Europe/Berlin', '--tags', 'disk,db']);
    expect(code).toBe(0);
    const file = path.join(root, 'posts', '2026-03-04-disk-full-on-db1.md');
    expect(io.stdout.trim()).toBe(path.join('posts', '2026-03-04-disk-full-on-db1.md'));
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('title: "Disk full on db1"');
    expect(text).toContain('date: 2026-03-04');
    expect(text).toContain('timezone: Europe/Berlin');
    expect(text).toContain('tags: ["disk", "db"]');
    for (const s of ['Summary', 'Impact', 'Timeline', 'Root cause', 'Resolution', 'Action items', 'Lessons learned']) {
      expect(text).toContain(`## ${s}`);
    }
  });

  it('never overwrites: the same command again exits 1 and leaves the file byte for byte', async () => {
    const args = ['new', 'incident', 'Disk full on db1', '--date', '2026-03-04', '--timezone', 'Europe/Berlin', '--tags', 'disk,db'];
    await run(args);
    const file = path.join(root, 'posts', '2026-03-04-disk-full-on-db1.md');
    const before = readFileSync(file);
    const { code, io } = await run(args);
    expect(code).toBe(1);
    expect(io.stderrText).toMatch(/already exists/);
    expect(readFileSync(file).equals(before)).toBe(true);
    // and the site still builds, with the new incident in it
    const result = await buildSite({ root, write: false });
    expect(result.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(result.pages.map((p) => p.path)).toContain('incidents/2026-03-04-disk-full-on-db1/index.html');
  });

  it('uses today in the zone when no date is given (injected clock)', async () => {
    const io = captureIO({ now: Date.UTC(2026, 10, 21, 23, 30) });
    await run(['new', 'incident', 'Late night', '--timezone', 'Asia/Tokyo'], io);
    expect(existsSync(path.join(root, 'posts', '2026-11-22-late-night.md'))).toBe(true);
  });

  it('honours --dir and --severity', async () => {
    await run(['new', 'incident', 'X', '--date', '2026-01-02', '--dir', 'reports', '--severity', 'SEV1']);
    expect(readFileSync(path.join(root, 'reports', '2026-01-02-x.md'), 'utf8')).toContain('severity: SEV1');
  });

  it('is a usage error (exit 2) without a title when not on a terminal', async () => {
    const { code, io } = await run(['new', 'incident']);
    expect(code).toBe(2);
    expect(io.stderrText).toMatch(/title is required/);
  });

  it('asks for the title on a terminal', async () => {
    const io = captureIO({ tty: true });
    const pending = run(['new', 'incident', '--date', '2026-05-06'], io);
    (io.stdin as NodeJS.WritableStream & NodeJS.ReadableStream).write('Asked title\n');
    expect((await pending).code).toBe(0);
    expect(existsSync(path.join(root, 'posts', '2026-05-06-asked-title.md'))).toBe(true);
  });

  it('rejects unknown flags with a hint', async () => {
    const { code, io } = await run(['new', 'incident', 'X', '--tag', 'a']);
    expect(code).toBe(2);
    expect(io.stderrText).toMatch(/unknown option --tag; did you mean --tags\?/);
  });

  it('rejects a bad date or zone as usage errors', async () => {
    expect((await run(['new', 'incident', 'X', '--date', 'tomorrow'])).code).toBe(2);
    const { code, io } = await run(['new', 'incident', 'X', '--timezone', 'Mars/Base']);
    expect(code).toBe(2);
    expect(io.stderrText).toContain('Mars/Base');
  });

  it('escapes a title with YAML-significant characters', async () => {
    await run(['new', 'incident', 'DNS: "root" #2 down', '--date', '2026-01-01']);
    const result = await buildSite({ root, write: false });
    expect(result.incidents[0]!.title).toBe('DNS: "root" #2 down');
  });
});

describe('pm new incident: what the user types stays a value', () => {
  const KEYS = ['title', 'date', 'timezone', 'severity', 'status', 'tags', 'authors', 'services', 'summary'];

  it('a newline in --severity, --tags or --author adds no front-matter key', async () => {
    const { code, io } = await run([
      'new',
      'incident',
      'Injected',
      '--date',
      '2026-01-01',
      '--severity',
      'x\ntitle: y',
      '--tags',
      'a\ndraft: true,b',
      '--author',
      'eve\n---\n<script>',
      '--author',
      '"]\nstatus: resolved',
    ]);
    expect(code).toBe(0);
    const fm = readFrontMatter(readFileSync(path.join(root, io.stdout.trim()), 'utf8'));
    expect(fm.errors).toEqual([]);
    expect(Object.keys(fm.data).sort()).toEqual([...KEYS].sort());
    expect(fm.data).toMatchObject({
      title: 'Injected',
      severity: 'x\ntitle: y',
      status: 'investigating',
      tags: ['a\ndraft: true', 'b'],
      authors: ['eve\n---\n<script>', '"]\nstatus: resolved'],
    });
    const result = await buildSite({ root, write: false });
    expect(result.incidents.map((i) => [i.title, i.draft, i.status])).toEqual([['Injected', false, 'investigating']]);
  });

  it('a title in another script names the file in that script', async () => {
    const { code, io } = await run(['new', 'incident', 'Сбой сети в ДЦ', '--date', '2026-01-01']);
    expect(code).toBe(0);
    expect(io.stdout.trim()).toBe(path.join('posts', '2026-01-01-сбой-сети-в-дц.md'));
    const result = await buildSite({ root, write: false });
    expect(result.incidents.map((i) => [i.slug, i.title])).toEqual([['2026-01-01-сбой-сети-в-дц', 'Сбой сети в ДЦ']]);
  });

  it('--date in another accepted form (touch -t) names the file by its day', async () => {
    const { code, io } = await run(['new', 'incident', 'Touched', '--date', '1701312327', '--timezone', 'UTC']);
    expect(code).toBe(0);
    expect(io.stdout.trim()).toBe(path.join('posts', '2017-01-31-touched.md'));
  });

  it('any text round-trips: random titles, severities, tags and authors read back as typed', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom(
        'x\ntitle: y',
        '---',
        '\n---\n',
        'a: b',
        '# c',
        "'q'",
        '"',
        '\\',
        'null',
        '~',
        'yes',
        '- x',
        '[a]',
        '{a: 1}',
        '*alias',
        '&anchor x',
        '!!str x',
        '|',
        '>',
        '%YAML',
        '\r\nk: v',
        '\u2028k: v',
        '\u0085k: v',
        '\t',
        ' lead',
        'trail ',
      ),
    );
    await fc.assert(
      fc.asyncProperty(text, text, fc.array(text, { maxLength: 3 }), fc.array(text, { maxLength: 2 }), async (title, severity, tags, authors) => {
        const args = [
          'new',
          'incident',
          `T ${title}`,
          '--date',
          '2026-01-01',
          `--severity=${severity}`,
          `--tags=${tags.join(',')}`,
          ...authors.map((a) => `--author=${a}`),
        ];
        const { code, io } = await run(args);
        // nothing on stderr but the hint about the template's prompts
        expect([code, io.stderrText.replace(/^pm new: replace the template's prompts .*\n/, '')]).toEqual([0, '']);
        const file = path.join(root, io.stdout.trim());
        const fm = readFrontMatter(readFileSync(file, 'utf8'));
        rmSync(file);
        expect(fm.errors).toEqual([]);
        expect(Object.keys(fm.data).sort()).toEqual([...KEYS].sort());
        expect(fm.data['title']).toBe(`T ${title}`.trim());
        expect(fm.data['severity'] ?? '').toBe(severity);
        expect(fm.data['tags']).toEqual(
          tags
            .join(',')
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean),
        );
        expect(fm.data['authors']).toEqual(authors);
      }),
      { numRuns: 150, seed: 12 },
    );
  });
});

describe('pm --help and unknown commands', () => {
  it('prints help for every command', async () => {
    for (const cmd of ['new', 'build', 'check', 'timeline']) {
      const { code, io } = await run([cmd, '--help']);
      expect(code).toBe(0);
      expect(io.stdout).toMatch(/^Usage: pm /);
    }
  });
  it('suggests a command for a typo', async () => {
    const { code, io } = await run(['biuld']);
    expect(code).toBe(2);
    expect(io.stderrText).toContain('did you mean "pm build"');
  });
});
