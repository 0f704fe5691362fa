/**
 * The last disk phase: every build writes a complete new output folder beside the
 * output and swaps it in (rename out → retired, staging → out). A full build renders
 * every page into it; an incremental one renders what changed and hard-links every
 * unchanged file from the current output (one link each, no copy). So at any moment
 * `out` is either the previous output or the new one, whole: a build that fails or is
 * killed before the swap leaves the previous output, and a kill between the two
 * renames is undone by the next run (recover.ts).
 */
import { copyFileSync, constants, existsSync, linkSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkOwnership, writeStamp } from './out-guard.js';
import { recoverOutput, removeTree, RETIRED, STAGING } from './recover.js';
import type { Page } from '../render/types.js';

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
      try {
        writeFileSync(target, page.contents);
      } catch (e) {
        (e as NodeJS.ErrnoException).path ??= target; // a failed write (ENOSPC) names no file by itself
        throw e;
      }
    }
  }

  /** Makes the folders down to `dir` (which must lie below the sink's own). */
  folder(dir: string): void {
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

/** A fresh staging folder beside `out`, named after this process, and warnings about what recovery left alone. */
export function createStaging(out: string): { staging: string; warnings: string[] } {
  const warnings = recoverOutput(out);
  const parent = path.dirname(out);
  mkdirSync(parent, { recursive: true });
  const staging = path.join(parent, `${path.basename(out)}${STAGING}${process.pid}`);
  removeTree(staging);
  mkdirSync(staging);
  return { staging, warnings };
}

export function discardStaging(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Hard-links into `staging` every path of `paths` it lacks, from `out`. False when one
 * is missing from `out` (the caller builds in full instead).
 */
export function linkUnchanged(out: string, staging: string, paths: Iterable<string>): boolean {
  const sink = new DirSink(staging);
  for (const p of paths) {
    const parts = p.split('/');
    const to = path.join(sink.dir, ...parts);
    sink.folder(path.dirname(to));
    const from = path.join(out, ...parts);
    try {
      linkSync(from, to);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || (code === 'ENOENT' && existsSync(to))) continue; // rendered in this build
      if (code === 'ENOENT') return false;
      if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK' && code !== 'ENOTSUP') throw e;
      copyFileSync(from, to, constants.COPYFILE_EXCL); // a file system without hard links
    }
  }
  return true;
}

/** Stamps a complete staging folder as pm's and swaps it in as `out`. */
export function commitStaging(staging: string, out: string): void {
  writeStamp(staging);
  const retired = path.join(path.dirname(out), `${path.basename(out)}${RETIRED}${process.pid}`);
  const had = existsSync(out);
  if (had) renameSync(out, retired);
  try {
    renameSync(staging, out);
  } catch (e) {
    if (had) renameSync(retired, out);
    throw e;
  }
  if (had) removeTree(retired);
}

/** Writes a whole site into `out` (a folder pm wrote, an empty or a missing one): stage everything, then swap. */
export async function writeSite(pages: readonly Page[], out: string): Promise<void> {
  checkOwnership(out);
  const { staging } = createStaging(out);
  try {
    new DirSink(staging).put(pages);
    commitStaging(staging, out);
  } catch (e) {
    discardStaging(staging);
    throw e;
  }
}
