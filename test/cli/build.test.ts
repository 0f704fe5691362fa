import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIO, tempDir, type CapturedIO } from './helpers.js';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures');

/** A copy of a fixture site (builds keep a cache beside the posts). */
function site(name: string): string {
  const dir = tempDir('pm-build-');
  cpSync(path.join(fixtures, name), dir, { recursive: true });
  return dir;
}

/** A terminal (or not) whose clock moves `step` ms every time it is read. */
function terminal(errIsTTY: boolean, step = 250): CapturedIO {
  const io = captureIO();
  let t = Date.UTC(2026, 0, 1);
  io.errIsTTY = errIsTTY;
  io.now = () => (t += step);
  return io;
}

const build = async (root: string, io: CapturedIO, ...flags: string[]) => main(['build', '--root', root, '--out', path.join(root, 'dist'), ...flags], io);

describe('pm build output on a terminal and in a pipe', () => {
  it('shows progress and a summary (incidents, files, time) on a terminal', async () => {
    const root = site('site-basic');
    const io = terminal(true);
    expect(await build(root, io)).toBe(0);
    expect(io.stderrText).toMatch(/\r\x1b\[2Kbuilding 3\/3 incidents \(100%\)/);
    // what is left on screen once the progress line is cleared
    const screen = io.stderrText.split('\n').map((l) => l.replace(/^[\s\S]*\r\x1b\[2K/, ''));
    const summary = screen.find((l) => l.startsWith('pm build:')) ?? '';
    expect(summary).toMatch(/^pm build: 2 incidents, \d+ files → .*dist\/ in \d+\.\d{2}s/);
    expect(Number(/in (\d+\.\d+)s/.exec(summary)?.[1])).toBeGreaterThan(0);
    expect(io.stdout).toBe('');
    expect(existsSync(path.join(root, 'dist', 'feed.xml'))).toBe(true);
  });

  it('prints one plain summary line when stderr is piped: no progress, no escape codes, same site', async () => {
    const root = site('site-basic');
    const io = terminal(false);
    expect(await build(root, io)).toBe(0);
    expect(io.stderrText).not.toContain('building');
    expect(io.stderrText).not.toContain('\x1b');
    expect(io.stderrText).not.toContain('\r');
    expect(io.stderrText.split('\n').filter((l) => l.startsWith('pm build:'))).toHaveLength(1);
    expect(io.stderrText).toMatch(/^pm build: 2 incidents, \d+ files → .*dist\/ in \d+\.\d{2}s\n$/m);
    for (const f of ['index.html', 'feed.xml', 'feed.json', 'incidents.json', 'sitemap.xml']) expect(existsSync(path.join(root, 'dist', f))).toBe(true);
  });

  it('stays quiet with --quiet on a terminal, but still reports errors', async () => {
    const ok = site('site-basic');
    const io = terminal(true);
    expect(await build(ok, io, '--quiet')).toBe(0);
    expect(io.stderrText).toBe('');
    const bad = site('site-bad');
    const io2 = terminal(true);
    expect(await build(bad, io2, '-q')).toBe(1);
    expect(io2.stderrText).toContain('posts/2020-01-01-bad.md:3:7: error');
    expect(io2.stderrText).not.toContain('building');
  });

  it('redraws the progress line at most every 100 ms, and always at the end', async () => {
    const root = tempDir('pm-build-many-');
    mkdirSync(path.join(root, 'posts'));
    for (let i = 1; i <= 30; i++) {
      const day = String(i).padStart(2, '0');
      writeFileSync(
        path.join(root, 'posts', `2024-01-${day}-n${i}.md`),
        `---\ntitle: Incident ${i}\ndate: 2024-01-${day}\n---\n\n## Timeline\n\n- 2024-01-${day} 10:00 [T0] Something happened\n`,
      );
    }
    const io = terminal(true, 30);
    expect(await build(root, io)).toBe(0);
    const lines = io.stderrText.match(/building \d+\/30 incidents/g) ?? [];
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.length).toBeLessThan(30);
    expect(lines[lines.length - 1]).toBe('building 30/30 incidents');
    expect(io.stderrText).toContain('pm build: 30 incidents,');
  });
});

describe('pm build without a base URL', () => {
  it('warns once that the sitemap and feeds links are relative; not with a base URL, not with --quiet', async () => {
    const root = site('site-basic');
    const io = terminal(false);
    expect(await build(root, io)).toBe(0);
    expect(io.stderrText.match(/no base_url/g)).toHaveLength(1);
    expect(io.stderrText).toContain('set base_url in pm.config.yaml or pass --base-url');
    const withBase = terminal(false);
    expect(await build(root, withBase, '--base-url', 'https://status.example.org/postmortems/')).toBe(0);
    expect(withBase.stderrText).not.toContain('base_url');
    const quiet = terminal(false);
    expect(await build(root, quiet, '--quiet')).toBe(0);
    expect(quiet.stderrText).toBe('');
  });
});
