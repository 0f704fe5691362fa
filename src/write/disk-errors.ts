/**
 * The disk saying no — full, read-only, not ours to write, a name too long — is not an
 * internal error: it becomes an OutputError naming the path and what to do. Errors
 * from worker processes arrive as text (`ENOSPC: no space left on device, open '…'`)
 * and are recognized by it.
 */
import { OutputError } from './out-guard.js';

const HELP: Record<string, { what: string; fix: string; exit: 1 | 2 }> = {
  ENOSPC: { what: 'the disk is full', fix: 'free some space and build again', exit: 1 },
  EDQUOT: { what: 'the disk quota is used up', fix: 'free some space and build again', exit: 1 },
  EROFS: { what: 'the file system is read-only', fix: 'name a writable folder with --out', exit: 2 },
  EACCES: { what: 'permission denied', fix: 'name a folder you can write with --out', exit: 2 },
  EPERM: { what: 'operation not permitted', fix: 'name a folder you can write with --out', exit: 2 },
  ENOTDIR: { what: 'a part of the path is a file, not a folder', fix: 'name a folder with --out', exit: 2 },
  EBUSY: { what: 'the folder is in use or a mount point', fix: 'name a folder inside it with --out', exit: 2 },
  ENAMETOOLONG: { what: 'a file name is too long for the file system', fix: 'shorten the slug, tag or `urls:` pattern that makes it', exit: 1 },
};

/** The OutputError for a failed disk operation; null when `e` is something else. */
export function diskError(e: unknown, out: string): OutputError | null {
  if (e instanceof OutputError) return e;
  if (!(e instanceof Error)) return null;
  const err = e as NodeJS.ErrnoException;
  const text = /^(?:Error: )?(E[A-Z]+): [^,\n]*(?:, \w+(?: '([^'\n]*)')?)?/.exec(err.message);
  const code = err.code ?? text?.[1];
  const help = code ? HELP[code] : undefined;
  if (!help) return null;
  const where = err.path ?? text?.[2] ?? out;
  return new OutputError(`pm build: cannot write ${where}: ${help.what} (${code}); ${help.fix}. ${out} is unchanged`, help.exit);
}
