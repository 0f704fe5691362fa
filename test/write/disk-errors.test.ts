/**
 * The disk saying no is a clear error naming the path, not an internal error (exit 70),
 * and the previous dist/ stays whole. A full disk and a read-only file system are real:
 * a small tmpfs mounted for the test (tests run as root in CI, where chmod blocks
 * nothing); where mounting is not allowed those cases are skipped, saying why.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { diskError } from '../../src/write/disk-errors.js';
import { captureIO, tempDir } from '../cli/helpers.js';
import { treeHashes } from '../build/cli-helpers.js';

const fixture = path.join(import.meta.dirname, '..', 'fixtures', 'site-basic');

let base: string;
let root: string;
let mounted: string | null = null;
beforeEach(() => {
  base = tempDir('pm-disk-');
  root = path.join(base, 'site');
  cpSync(fixture, root, { recursive: true });
});
afterEach(() => {
  if (mounted) execFileSync('umount', [mounted]);
  mounted = null;
  rmSync(base, { recursive: true, force: true });
});

async function build(out: string): Promise<{ code: number; err: string }> {
  const io = captureIO();
  const code = await main(['build', '--root', root, '--out', out], io);
  return { code, err: io.stderrText };
}

function editPost(): void {
  const file = path.join(root, 'posts', '2020-09-02-outbound.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('Outbound traffic blocked', 'Outbound traffic cut'));
  const later = new Date(statSync(file).mtimeMs + 5000);
  utimesSync(file, later, later);
}

/** Mounts a tmpfs at `dir`; the reason it cannot, if it cannot. */
function mountTmpfs(dir: string, options: string): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return 'mounting a tmpfs needs root on Linux';
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return 'this environment does not allow mounting a tmpfs';
  }
  mounted = dir;
  return null;
}

describe('disk errors', () => {
  it('a name too long for the file system is an error naming the path (exit 1); dist/ stays whole', async () => {
    const out = path.join(root, 'dist');
    expect((await build(out)).code).toBe(0);
    const before = treeHashes(out);
    writeFileSync(path.join(root, 'posts', '2024-03-01-long.md'), `---\ntitle: Long\ndate: 2024-03-01\nslug: ${'a'.repeat(300)}\n---\n\n## Summary\n\nx\n`);
    const r = await build(out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot write .*incidents\/a{300}.*: a file name is too long for the file system \(ENAMETOOLONG\); shorten the slug/);
    expect(r.err).not.toMatch(/internal error| {4}at /);
    expect(treeHashes(out)).toEqual(before);
    expect(
      readdirSync(root)
        .filter((n) => n.includes('.pm-'))
        .sort(),
    ).toEqual(['.pm-cache', 'dist.pm-kept', 'dist.pm-kept.json']); // no staging or retired folder left
  });

  it('a full disk is an error naming the path (exit 1); dist/ stays whole', async (ctx) => {
    const disk = path.join(base, 'disk');
    const why = mountTmpfs(disk, 'size=8m');
    if (why) return ctx.skip(why);
    const out = path.join(disk, 'dist');
    expect((await build(out)).code).toBe(0);
    const before = treeHashes(out);
    try {
      writeFileSync(path.join(disk, 'filler'), Buffer.alloc(16 * 1024 * 1024));
    } catch (e) {
      expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC'); // the disk is full now
    }
    editPost();
    const r = await build(out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`cannot write ${disk}/dist\\.pm-staging-\\d+/\\S+: the disk is full \\(ENOSPC\\); free some space`));
    expect(treeHashes(out)).toEqual(before);
    expect(readdirSync(disk).sort()).toEqual(['dist', 'dist.pm-kept', 'dist.pm-kept.json', 'filler']); // the kept generation waits for the next build
  });

  it('a read-only output folder is an error naming the path (exit 2); dist/ stays whole', async (ctx) => {
    const disk = path.join(base, 'disk');
    const out = path.join(disk, 'dist');
    if (process.getuid?.() !== 0) {
      mkdirSync(disk);
      expect((await build(out)).code).toBe(0);
      chmodSync(disk, 0o555);
    } else {
      const why = mountTmpfs(disk, 'size=8m');
      if (why) return ctx.skip(why);
      expect((await build(out)).code).toBe(0);
      execFileSync('mount', ['-o', 'remount,ro', disk]);
    }
    const before = treeHashes(out);
    editPost();
    const r = await build(out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      new RegExp(
        `cannot write ${disk}/dist\\.pm-staging-\\d+: (the file system is read-only \\(EROFS\\)|permission denied \\(EACCES\\)); name a writable folder|name a folder you can write`,
      ),
    );
    expect(treeHashes(out)).toEqual(before);
    if (process.getuid?.() !== 0) chmodSync(disk, 0o755);
  });
});

describe('disk errors from a worker process (text only)', () => {
  it('are recognized by their text and name the path when it has one', () => {
    const full = diskError(
      new Error("Error: ENOSPC: no space left on device, open '/srv/dist.pm-staging-7/incidents/x/index.html'\n    at writeFileSync"),
      '/srv/dist',
    );
    expect(full?.exitCode).toBe(1);
    expect(full?.message).toMatch(/cannot write \/srv\/dist\.pm-staging-7\/incidents\/x\/index\.html: the disk is full/);
    const ro = diskError(new Error('Error: EROFS: read-only file system, write\n    at writeSync'), '/srv/dist');
    expect(ro?.exitCode).toBe(2);
    expect(ro?.message).toMatch(/cannot write \/srv\/dist: the file system is read-only/);
    expect(diskError(new Error('RangeError: Maximum call stack size exceeded'), '/srv/dist')).toBeNull();
  });
});
