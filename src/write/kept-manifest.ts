/**
 * The note pm leaves beside the generation it keeps (`<out>.pm-kept.json`, kept.ts): which
 * output folder and which kept folder it describes (each by its stamp file's identity,
 * out-guard.ts stampId), every file of the output, and the files where the kept folder
 * differs from it. Sealed with the user's secret (build/store/cache-sign.ts) and bound to
 * the output's real path: a note a site planted, one for another folder, or a damaged one
 * is never used. Each path in it is checked where it is used (tree.ts Inside).
 */
import { lstatSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { signerFor, type Signer } from '../build/store/cache-sign.js';

export const KEPT = '.pm-kept';
export const MANIFEST = '.pm-kept.json';

export interface Manifest {
  /** stampId of the output folder it describes. */
  out: string;
  /** stampId of the kept folder. */
  kept: string;
  /** Every file of the output folder (the stamp aside). */
  paths: string[];
  /** Files where the kept folder differs from the output: changed, added or removed by the last build. */
  stale: string[];
}

export const keptDir = (out: string): string => `${out}${KEPT}`;
export const manifestFile = (out: string): string => `${out}${MANIFEST}`;

function signer(out: string): { signer: Signer; role: string } | null {
  const s = signerFor(path.dirname(path.resolve(out)));
  return s ? { signer: s, role: `pm-kept\0${path.basename(out)}` } : null;
}

/** The note beside `out`, or null when there is none or it is not one this user's pm wrote for this folder. */
export function readManifest(out: string): Manifest | null {
  const file = manifestFile(out);
  try {
    if (!lstatSync(file).isFile()) return null;
    const seal = signer(out);
    const data = seal?.signer.open(seal.role, readFileSync(file, 'utf8'));
    if (!data) return null;
    const m = JSON.parse(data) as Record<keyof Manifest, unknown>;
    const text = (v: unknown): v is string => typeof v === 'string';
    if (!text(m.out) || !m.out || !text(m.kept) || !m.kept || !text(m.paths) || !text(m.stale)) return null;
    return { out: m.out, kept: m.kept, paths: split(m.paths), stale: split(m.stale) };
  } catch {
    return null;
  }
}

/** A list of paths kept as one string, NUL between them (no file name holds one): far quicker to read than an array. */
const split = (list: string): string[] => (list ? list.split('\0') : []);

/** Writes the note; false when it cannot be sealed (no user secret: nothing is kept then). */
export function writeManifest(out: string, m: Manifest): boolean {
  const seal = signer(out);
  if (!seal) return false;
  try {
    const data = JSON.stringify({ ...m, paths: m.paths.join('\0'), stale: m.stale.join('\0') });
    writeFileSync(manifestFile(out), seal.signer.seal(seal.role, data), { flag: 'wx' });
    return true;
  } catch {
    return false; // something is in the way (dropManifest leaves anything but a file or link): keep nothing
  }
}

/** Removes the note first, so a kept folder being changed is never described by it. */
export function dropManifest(out: string): void {
  try {
    if (!lstatSync(manifestFile(out)).isDirectory()) unlinkSync(manifestFile(out));
  } catch {
    // none there
  }
}
