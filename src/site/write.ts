/**
 * The last disk phase. Two ways to replace the output folder, both leaving the
 * previous output whole if the build fails or is killed before it commits:
 *
 *  - full: every page is written into a staging folder beside the output, which is
 *    then swapped in (rename out → retired, staging → out). A kill between the two
 *    renames is repaired by the next run (recoverOutput).
 *  - incremental (incremental.ts): only changed files are staged; a journal listing
 *    the moves is written, then each file is renamed into place. A kill after the
 *    journal is written is rolled forward by the next run.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rollForward } from './journal.js';
import type { Page } from './types.js';

const STAGING = '.pm-staging-';
const RETIRED = '.pm-retired-';

/**
 * Writes pages under a folder, synchronously: builds run one process per core, so a
 * write handed to libuv's pool would only add bookkeeping. Folders are made once each,
 * level by level below `dir`, never `dir` itself: a worker orphaned by a killed build
 * cannot bring back a staging folder the next build has already cleared.
 */
export class DirSink {
  private readonly root: string;
  private readonly made: Set<string>;
  constructor(readonly dir: string) {
    this.root = path.resolve(dir);
    this.made = new Set([this.root]);
  }

  put(pages: readonly Page[]): void {
    for (const page of pages) {
      const target = path.join(this.root, ...page.path.split('/'));
      this.folder(path.dirname(target));
      writeFileSync(target, page.contents);
    }
  }

  private folder(dir: string): void {
    if (this.made.has(dir)) return;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`page path outside ${this.dir}`);
    this.folder(parent);
    try {
      mkdirSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    this.made.add(dir);
  }
}

/** Restores `out` if a previous swap was interrupted, rolls a journal forward, clears dead staging folders. */
export function recoverOutput(out: string): void {
  const parent = path.dirname(out);
  const base = path.basename(out);
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    const full = path.join(parent, name);
    if (name.startsWith(`${base}${RETIRED}`)) {
      if (!existsSync(out)) renameSync(full, out);
      else rmSync(full, { recursive: true, force: true });
    }
  }
  rollForward(out);
  for (const name of readdirSync(parent)) {
    if (name.startsWith(`${base}${STAGING}`) && !isAlive(name)) removeTree(path.join(parent, name));
  }
}

/** A fresh staging folder beside `out`, named after this process. */
export function createStaging(out: string): string {
  recoverOutput(out);
  const parent = path.dirname(out);
  mkdirSync(parent, { recursive: true });
  const staging = path.join(parent, `${path.basename(out)}${STAGING}${process.pid}`);
  removeTree(staging);
  mkdirSync(staging);
  return staging;
}

export function discardStaging(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}

/** Swaps a complete staging folder in as `out`. */
export function commitStaging(staging: string, out: string): void {
  const retired = path.join(path.dirname(out), `${path.basename(out)}${RETIRED}${process.pid}`);
  const had = existsSync(out);
  if (had) renameSync(out, retired);
  renameSync(staging, out);
  if (had) rmSync(retired, { recursive: true, force: true });
}

/** Writes a whole site: stage everything, then swap. */
export async function writeSite(pages: readonly Page[], out: string): Promise<void> {
  const staging = createStaging(out);
  try {
    new DirSink(staging).put(pages);
  } catch (e) {
    discardStaging(staging);
    throw e;
  }
  commitStaging(staging, out);
}

/**
 * rmSync, again while something still adds files: a worker process of a killed build
 * finishes the page it was writing before it notices (rmSync's own retries do not
 * look for new entries). Gives up after about two seconds.
 */
function removeTree(dir: string): void {
  for (let attempt = 1; ; attempt++) {
    try {
      rmSync(dir, { recursive: true, force: true });
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOTEMPTY' || attempt >= 20) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
}

function isAlive(name: string): boolean {
  const pid = Number(name.slice(name.lastIndexOf('-') + 1));
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
