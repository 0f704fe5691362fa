/**
 * Containment for everything read from a site folder (which is untrusted: CI builds pull
 * requests). A path is used only if its real path — every symlink followed — is inside
 * the site root's real path; a dangling link or one that leads out is refused.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';

export type Inside = { ok: true; real: string } | { ok: false; why: string };

/** `p` (absolute, or relative to `root`) followed to its real path, when that is inside `root`. */
export function resolveInside(root: string, p: string): Inside {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return { ok: false, why: `the site root ${root} cannot be read` };
  }
  let real: string;
  try {
    real = realpathSync(path.resolve(root, p));
  } catch {
    return { ok: false, why: 'it does not exist or is a broken symlink' };
  }
  return isWithin(realRoot, real) ? { ok: true, real } : { ok: false, why: 'it leads outside the site folder (a symlink?)' };
}

/** True when `child` is `parent` or below it (both absolute and normalized). */
export function isWithin(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
