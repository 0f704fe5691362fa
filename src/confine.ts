/**
 * A site folder is untrusted: what it names (log sources, theme files, assets) may only
 * make pm read files inside it. `confine` resolves a path after symbolic links
 * (realpath) and says whether it stays inside the site root and what it is. Only a
 * regular file or a folder is ever read: a named pipe would hang the build, a device
 * or socket is not a file at all. Nothing here opens a file.
 */
import { realpathSync, statSync, type Stats } from 'node:fs';
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

/** The real path of `p`, or of its nearest existing ancestor when `p` does not exist. */
function realOrAncestor(p: string): { real: string; exists: boolean } | { error: string } {
  let cur = p;
  for (;;) {
    try {
      return { real: realpathSync.native(cur), exists: cur === p };
    } catch (err) {
      const c = code(err);
      if (c !== 'ENOENT' && c !== 'ENOTDIR') return { error: c };
      const up = path.dirname(cur);
      if (up === cur) return { error: c };
      cur = up;
    }
  }
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
  const found = realOrAncestor(abs);
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
