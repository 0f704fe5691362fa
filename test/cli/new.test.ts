import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { buildSite } from '../../src/site/build.js';
import { captureIO, tempDir } from './helpers.js';

let root: string;
let cwd: string;
beforeEach(() => {
  root = tempDir();
  cwd = process.cwd();
  process.chdir(root);
});
afterEach(() => process.chdir(cwd));

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
