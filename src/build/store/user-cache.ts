/**
 * The user's own cache folder (`$XDG_CACHE_HOME/pm`, else `~/.cache/pm`), outside every
 * site: what pm must be able to trust there cannot be planted by a site folder. It holds
 * the precompiled theme (templates-cache.ts) and the secret that authenticates each
 * site's `.pm-cache/` (cache-sign.ts).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function userCacheDir(): string {
  const base = process.env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache');
  return path.join(base, 'pm');
}

/**
 * This user's secret (32 random bytes, `<user cache>/secret`, mode 0600), made on first
 * use. Null when it cannot be made or read, or is not a private regular file of this
 * user's: then no site cache is trusted (every build is a full one).
 */
export function userSecret(): Buffer | null {
  const file = path.join(userCacheDir(), 'secret');
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    create(file);
    const st = lstatSync(file);
    const mine = typeof process.getuid !== 'function' || st.uid === process.getuid();
    if (!st.isFile() || !mine || (st.mode & 0o077) !== 0) return null;
    const secret = readFileSync(file);
    return secret.length >= 32 ? secret : null;
  } catch {
    return null;
  }
}

/** Writes a new secret unless one exists; never replaces one (another build may be using it). */
function create(file: string): void {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw e;
  }
  try {
    if ((fstatSync(fd).mode & 0o077) !== 0) throw new Error('secret created with a wide mode');
    writeSync(fd, randomBytes(32));
  } finally {
    closeSync(fd);
  }
}
