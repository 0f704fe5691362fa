/**
 * The generation pm keeps beside the output folder (`<out>.pm-kept`): a copy of the
 * output in hard links, one build behind, described by a sealed note (kept-manifest.ts).
 *
 * An incremental build writes its new files into a fresh staging folder as before. Then,
 * instead of linking every unchanged file into that folder, it brings the kept folder up
 * to date — re-links from the output the files the last build changed, removes the files
 * that are gone, moves this build's files in — and the kept folder becomes the staging
 * folder that is swapped in. The output it replaces is not deleted: it is the next kept
 * generation, and what differs between the two is exactly this build's files. Work in
 * proportion to what changed, not to the size of the site.
 *
 * Nothing here is trusted without proof: the note must be sealed with the user's secret
 * and name the current output and kept folders by their stamp files' identities; every
 * file touched must be a plain file reached through real folders (tree.ts). Anything
 * else and the kept folder is deleted and the build links in full, as a build without one.
 */
import { linkSync, lstatSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { dropManifest, keptDir, readManifest, writeManifest } from './kept-manifest.js';
import { STAMP, stampId, writeStamp } from './out-guard.js';
import { removeTree } from './recover.js';
import { Inside, listFiles, Untrusted } from './tree.js';

/** What the swap needs to keep the output it replaces: the new output's files and where the old one differs. */
interface Generation {
  paths: Set<string>;
  stale: Set<string>;
}
/** By the staging folder's absolute path. */
const merged = new Map<string, Generation>();

/** A file written into a staging folder after adoptKept made it the kept one: it differs from the kept generation too. */
export function noteWrite(staging: string, p: string): void {
  const gen = merged.get(staging);
  if (!gen || p === STAMP) return;
  gen.paths.add(p);
  gen.stale.add(p);
}

/**
 * Makes `staging` the complete output from the kept generation and this build's files in
 * it. `merged`: done; `unusable`: no kept generation pm can trust (staging untouched);
 * `missing`: the output lacks a file `paths` needs (staging untouched, as linkUnchanged's false).
 */
export function adoptKept(out: string, staging: string, paths: Iterable<string>): 'merged' | 'unusable' | 'missing' {
  const kept = keptDir(out);
  const note = readManifest(out);
  if (!note || !realDir(kept) || note.out !== stampId(out) || note.kept !== stampId(kept)) return 'unusable';
  dropManifest(out); // from here on the kept folder changes: a kill leaves it undescribed, so unused
  const found = listFiles(staging);
  if (!found.plain) return discard(kept, 'unusable');
  const written = new Set(found.files.filter((p) => p !== STAMP));
  const now = new Set(written);
  for (const p of paths) if (p !== STAMP) now.add(p); // each path is checked where it is used (Inside)
  const before = new Set(note.paths);
  const dir = new Inside(kept);
  try {
    for (const p of note.stale) {
      dir.removeFile(p);
      if (before.has(p) && now.has(p) && !written.has(p) && !link(out, dir, p)) throw new Untrusted(`${out} lacks ${p}`);
    }
    for (const p of before) if (!now.has(p)) dir.removeFile(p);
    for (const p of now) if (!before.has(p) && !written.has(p) && !link(out, dir, p)) return discard(kept, 'missing');
    for (const p of written) dir.removeFile(p);
  } catch (e) {
    if (e instanceof Untrusted) return discard(kept, 'unusable');
    throw e;
  }
  for (const p of written) renameSync(path.join(staging, ...p.split('/')), dir.target(p));
  removeTree(staging); // its folders only, now
  renameSync(kept, staging);
  const gone = [...before].filter((p) => !now.has(p));
  merged.set(path.resolve(staging), { paths: now, stale: new Set([...written, ...gone]) });
  return 'merged';
}

/** Forgets what adoptKept knew about a staging folder that is not swapped in. */
export function forgetStaging(staging: string): void {
  merged.delete(path.resolve(staging));
}

/**
 * After the swap: `retired` (the output just replaced, null when there was none) becomes
 * the kept generation when this build came from one; otherwise it is deleted and a kept
 * generation is linked from the new output (a full build's cost, once), unless `keep` is false.
 */
export function keepGeneration(out: string, staging: string, retired: string | null, keep: boolean): void {
  const gen = merged.get(path.resolve(staging));
  merged.delete(path.resolve(staging));
  const kept = keptDir(out);
  if (retired && gen && keep && clearKept(out)) {
    renameSync(retired, kept);
    writeManifest(out, { out: stampId(out), kept: stampId(kept), paths: [...gen.paths], stale: [...gen.stale] });
    return;
  }
  if (retired) removeTree(retired);
  if (clearKept(out) && keep) linkKept(out, kept);
}

/** Links every file of `out` into a new kept folder; keeps none when the output holds anything but plain files or the disk has no hard links. */
function linkKept(out: string, kept: string): void {
  const { files, plain } = listFiles(out);
  if (!plain) return;
  mkdirSync(kept);
  const dir = new Inside(kept);
  const paths = files.filter((p) => p !== STAMP);
  try {
    for (const p of paths) linkSync(path.join(out, ...p.split('/')), dir.target(p));
  } catch (e) {
    removeTree(kept);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EXDEV' || code === 'EPERM' || code === 'EMLINK' || code === 'ENOTSUP') return; // no hard links here: keep nothing
    throw e;
  }
  writeStamp(kept);
  writeManifest(out, { out: stampId(out), kept: stampId(kept), paths, stale: [] });
}

/** Removes the note and the kept folder; false when something not pm's holds the folder's name (left alone, recover.ts warns). */
export function clearKept(out: string): boolean {
  dropManifest(out);
  const kept = keptDir(out);
  try {
    if (!lstatSync(kept).isDirectory()) return false;
  } catch {
    return true;
  }
  removeTree(kept);
  return true;
}

function discard(kept: string, why: 'unusable' | 'missing'): 'unusable' | 'missing' {
  removeTree(kept);
  return why;
}

/** Links `out/p` into the kept folder; false when the output lacks it. */
function link(out: string, dir: Inside, p: string): boolean {
  try {
    linkSync(path.join(out, ...p.split('/')), dir.target(p));
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    if (code === 'EEXIST') throw new Untrusted(`${p} is in the kept folder but not in its note`);
    throw e;
  }
}

function realDir(p: string): boolean {
  try {
    return lstatSync(p).isDirectory();
  } catch {
    return false;
  }
}
