/**
 * Paths and file operations below the kept folder (src/write/tree.ts): a path from a note
 * never climbs out, and a link planted inside never leads a write or a deletion out.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Inside, listFiles, safeRel, Untrusted } from '../../src/write/tree.js';
import { tempDir } from '../cli/helpers.js';

let base: string;
let dir: string;
let home: string;
beforeEach(() => {
  base = tempDir('pm-tree-');
  dir = path.join(base, 'dist.pm-kept');
  home = path.join(base, 'home');
  mkdirSync(dir);
  mkdirSync(home);
  writeFileSync(path.join(home, 'plan.md'), 'the plan\n');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('safeRel', () => {
  it('takes the paths pm writes, with dots inside names', () => {
    for (const p of ['index.html', 'incidents/a/index.html', '..x/y', 'a/.well-known/b', '...', 'a b/ü.png']) expect(safeRel(p), p).toBe(true);
  });
  it('refuses empty, `.` and `..` parts, absolute paths and NUL', () => {
    for (const p of ['', '.', '..', '../x', 'a/../../b', 'a/./b', 'a//b', 'a/', '/etc/passwd', 'a\0b']) expect(safeRel(p), JSON.stringify(p)).toBe(false);
  });
});

describe('Inside', () => {
  it('makes folders and removes files, and the folders a removal empties', () => {
    const inside = new Inside(dir);
    writeFileSync(inside.target('tags/db/index.html'), 'x');
    writeFileSync(inside.target('tags/web/index.html'), 'y');
    inside.removeFile('tags/db/index.html');
    expect(existsSync(path.join(dir, 'tags', 'db'))).toBe(false);
    expect(existsSync(path.join(dir, 'tags', 'web', 'index.html'))).toBe(true);
    inside.removeFile('tags/none/index.html'); // nothing there: nothing to do
    expect(listFiles(dir)).toEqual({ files: ['tags/web/index.html'], plain: true });
  });

  it('a planted link to a folder: no write through it, no deletion through it', () => {
    symlinkSync(home, path.join(dir, 'incidents'));
    expect(() => new Inside(dir).target('incidents/plan.md')).toThrow(Untrusted);
    expect(() => new Inside(dir).removeFile('incidents/plan.md')).toThrow(Untrusted);
    expect(readFileSync(path.join(home, 'plan.md'), 'utf8')).toBe('the plan\n');
  });

  it('a planted link where a file should be is not removed as one, and listFiles says the folder is not plain', () => {
    symlinkSync(path.join(home, 'plan.md'), path.join(dir, 'feed.xml'));
    expect(() => new Inside(dir).removeFile('feed.xml')).toThrow(Untrusted);
    expect(listFiles(dir).plain).toBe(false);
  });
});
