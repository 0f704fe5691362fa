/**
 * File primitives for pm's caches. A site's `.pm-cache/` may hold anything its author
 * planted (a symlink named `index.log` or `summaries.json.tmp` pointing at a file of the
 * user's): pm never writes through a name it did not just create, and never appends to
 * or writes into anything but a plain file in a plain folder.
 */
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

export function readJson<T>(file: string): T | null {
  const text = readText(file);
  try {
    return text === null ? null : (JSON.parse(text) as T);
  } catch {
    return null; // damaged: no cache
  }
}

/** Makes `dir` (and its parents) unless it is there; throws when it is anything but a real folder. */
export function plainDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
  if (!lstatSync(dir).isDirectory()) throw new Error(`${dir} is not a folder`);
}

/** True when `dir` is a real folder (not a symlink to one). */
export function isPlainDir(dir: string): boolean {
  try {
    return lstatSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** True when `file` is a plain file (not a symlink, not missing). */
export function isPlainFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Writes `file` through a temporary file made for the purpose (never one that was there,
 * never through a link), then renames it into place; `stale` (a log the new file
 * replaces) goes first.
 */
export function writeAtomically(file: string, data: string, stale?: string): void {
  plainDir(path.dirname(file));
  const tmp = `${file}.tmp`;
  rmSync(tmp, { force: true, recursive: true });
  writeFileSync(tmp, data, { flag: 'wx' });
  if (stale) rmSync(stale, { force: true });
  renameSync(tmp, file);
}
