/**
 * A site folder is untrusted: what it names (log sources, theme files, assets) may only
 * make pm read files inside it. `confine` resolves a path after symbolic links
 * (realpath) and says whether it stays inside the site root and what it is. Only a
 * regular file or a folder is ever read: a named pipe would hang the build, a device
 * or socket is not a file at all. Nothing here opens a file.
 */
import { lstatSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

export type Confined =
  | { ok: true; real: string; kind: 'file' | 'dir' }
  /** `what` names a special file: "a named pipe", "a socket", "a device". */
  | { ok: false; problem: 'missing' | 'outside' | 'special' | 'unreadable'; what: string };

/** True when `p` is `root` or below it (both absolute, same form). */
export function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** The real path of the site root (a root reached through a link is the link's target). */
export function realRoot(root: string): string {
  try {
    return realpathSync.native(root);
  } catch {
    return path.resolve(root);
  }
}

/** What a non-regular, non-folder file is, for a message. */
export function specialKind(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function code(err: unknown): string {
  return (err as { code?: string }).code ?? 'error';
}

/**
 * The real path of `p`; for a path that does not exist, where it would be: its nearest
 * existing ancestor's real path plus the rest, following a dangling link's target, so
 * that a link to a missing file elsewhere is "outside", not "missing" (no probing).
 */
function realOrWouldBe(p: string, hops = 0): { real: string; exists: boolean } | { error: string } {
  try {
    return { real: realpathSync.native(p), exists: true };
  } catch (err) {
    const c = code(err);
    if (c !== 'ENOENT' && c !== 'ENOTDIR') return { error: c };
  }
  try {
    if (hops < 40 && lstatSync(p).isSymbolicLink()) {
      const target = realOrWouldBe(path.resolve(path.dirname(p), readlinkSync(p)), hops + 1);
      return 'error' in target ? target : { real: target.real, exists: false };
    }
  } catch {
    // not there at all: resolve the parent below
  }
  const up = path.dirname(p);
  if (up === p) return { error: 'ENOENT' };
  const parent = realOrWouldBe(up, hops);
  return 'error' in parent ? parent : { real: path.join(parent.real, path.basename(p)), exists: false };
}

/**
 * Where `target` really is, checked against the site `root` (after links on both).
 * Outside wins over missing, so that a site cannot probe which files exist elsewhere.
 * With `anywhere` (a path the user typed on the command line), only the kind is checked.
 */
export function confine(root: string, target: string, opts: { anywhere?: boolean } = {}): Confined {
  const abs = path.resolve(root, target);
  const rootReal = realRoot(root);
  if (!opts.anywhere && !isInside(path.resolve(root), abs) && !isInside(rootReal, abs)) {
    return { ok: false, problem: 'outside', what: 'outside the site folder' };
  }
  const found = realOrWouldBe(abs);
  if ('error' in found) return { ok: false, problem: found.error === 'ENOENT' ? 'missing' : 'unreadable', what: found.error };
  if (!opts.anywhere && !isInside(rootReal, found.real)) {
    return { ok: false, problem: 'outside', what: 'outside the site folder once links are followed' };
  }
  if (!found.exists) return { ok: false, problem: 'missing', what: 'ENOENT' };
  let st: Stats;
  try {
    st = statSync(found.real);
  } catch (err) {
    return { ok: false, problem: 'unreadable', what: code(err) };
  }
  if (st.isFile()) return { ok: true, real: found.real, kind: 'file' };
  if (st.isDirectory()) return { ok: true, real: found.real, kind: 'dir' };
  return { ok: false, problem: 'special', what: specialKind(st) };
}
