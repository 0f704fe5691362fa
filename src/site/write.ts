/**
 * The last disk phase: writes pages beside the output folder, then swaps it in.
 * A build that fails or is killed before the swap leaves the previous output whole;
 * a build killed between the two renames of the swap is repaired by the next run.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from './types.js';

const STAGING = '.pm-staging-';
const RETIRED = '.pm-retired-';

/** Restores `out` from a retired copy if a previous swap was interrupted; clears stale staging folders. */
export function recoverOutput(out: string): void {
  const parent = path.dirname(out);
  const base = path.basename(out);
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    const full = path.join(parent, name);
    if (name.startsWith(`${base}${RETIRED}`)) {
      if (!existsSync(out)) renameSync(full, out);
      else rmSync(full, { recursive: true, force: true });
    } else if (name.startsWith(`${base}${STAGING}`) && !isAlive(name)) {
      rmSync(full, { recursive: true, force: true });
    }
  }
}

export function writeSite(pages: readonly Page[], out: string): void {
  recoverOutput(out);
  const parent = path.dirname(out);
  mkdirSync(parent, { recursive: true });
  const staging = path.join(parent, `${path.basename(out)}${STAGING}${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const page of pages) {
      const target = path.join(staging, ...page.path.split('/'));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, page.contents);
    }
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  const retired = path.join(parent, `${path.basename(out)}${RETIRED}${process.pid}`);
  const had = existsSync(out);
  if (had) renameSync(out, retired);
  renameSync(staging, out);
  if (had) rmSync(retired, { recursive: true, force: true });
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
