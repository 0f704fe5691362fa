/**
 * What a killed build can leave beside its output folder, and what pm does with it at
 * the start of the next one. Only names pm gives, beside this output folder, and only
 * real folders holding pm's stamp are touched; anything else by those names is
 * ignored with a warning (a site folder may hold anything its author planted).
 *
 *   <out>.pm-retired-<pid>   the previous output, moved away by a build killed before
 *                            it moved the new one in: restored if it holds the stamp;
 *                            deleted if the new one is in place (killed while deleting it)
 *   <out>.pm-staging-<pid>   a dead build's unfinished output: deleted
 *   <out>.pm-journal.json    left by an earlier pm (builds no longer commit through one):
 *                            never applied, deleted with a warning
 *   <out>.pm-kept, .pm-kept.json   the generation kept for the next build and its sealed
 *                            note (kept.ts): left as they are; a build uses them only
 *                            when the note proves them pm's, else replaces them
 */
import { existsSync, lstatSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { hasStamp } from './out-guard.js';
import { KEPT } from './kept-manifest.js';

export const STAGING = '.pm-staging-';
export const RETIRED = '.pm-retired-';
const JOURNAL = '.pm-journal.json';

/** Repairs what a killed build left beside `out`; returns warnings about what it left alone. */
export function recoverOutput(out: string): string[] {
  const parent = path.dirname(out);
  const base = path.basename(out);
  const warnings: string[] = [];
  if (!existsSync(parent)) return warnings;
  const names = readdirSync(parent)
    .filter((n) => n.startsWith(`${base}.pm-`))
    .sort();
  for (const name of names) {
    const full = path.join(parent, name);
    const rest = name.slice(base.length);
    if (rest === JOURNAL) {
      warnings.push(`${full}: a build journal pm does not use: ignored and ${removeFile(full) ? 'deleted' : 'left alone'}`);
    } else if (isPid(rest, RETIRED)) {
      // A swap finished but for this folder's deletion: delete the rest of it. Else it is the
      // previous output only if it holds pm's stamp.
      if (isDir(full) && existsSync(out)) removeTree(full);
      else if (isDir(full) && hasStamp(full)) renameSync(full, out);
      else warnings.push(`${full}: not a folder pm wrote: ignored`);
    } else if (rest === KEPT) {
      if (!isDir(full)) warnings.push(`${full}: not a folder pm wrote: ignored`);
    } else if (isPid(rest, STAGING) && !isAlive(rest)) {
      if (isDir(full)) removeTree(full);
      else warnings.push(`${full}: not a folder pm made: ignored`);
    }
  }
  return warnings;
}

const isPid = (rest: string, kind: string): boolean => rest.startsWith(kind) && /^[1-9][0-9]{0,9}$/.test(rest.slice(kind.length));

function isDir(p: string): boolean {
  try {
    return lstatSync(p).isDirectory();
  } catch {
    return false;
  }
}

function removeFile(p: string): boolean {
  try {
    if (!lstatSync(p).isFile()) return false;
    rmSync(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * rmSync, again while something still adds files: a worker process of a killed build
 * finishes the page it was writing before it notices (rmSync's own retries do not
 * look for new entries). Gives up after about two seconds.
 */
export function removeTree(dir: string): void {
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

/** A staging folder of a build still running (this one included) is left alone. */
function isAlive(rest: string): boolean {
  const pid = Number(rest.slice(STAGING.length));
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
