/**
 * A file of the site that cannot be read — no read permission, a link to nothing, a loop of
 * links, a folder that cannot be listed, a post removed while pm runs — is a fatal diagnostic
 * of that file alone (`site/unreadable`): it is left out, the rest of the site is processed,
 * and the build fails with exit 1. Never an internal error: the message says what the file is
 * and what to do, never where in pm it was noticed.
 */
import type { Diagnostic } from '../diagnostics.js';

/** The error code of a failed file-system call (`EACCES`, `ENOENT`…), or its text. */
export function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
}

const FILE_REASONS: Readonly<Record<string, [why: string, fix: string]>> = {
  EACCES: ['no read permission', 'make it readable (chmod a+r) or remove it'],
  EPERM: ['no read permission', 'make it readable (chmod a+r) or remove it'],
  ENOENT: ['a link to nothing, or removed while pm ran', 'fix the link or remove it'],
  ENOTDIR: ['a link to nothing, or removed while pm ran', 'fix the link or remove it'],
  ELOOP: ['a loop of symbolic links', 'fix the link or remove it'],
  EISDIR: ['a folder, not a file', 'put a file in its place'],
};
const FOLDER_REASONS: Readonly<Record<string, [why: string, fix: string]>> = {
  ...FILE_REASONS,
  EACCES: ['it cannot be listed: no permission', 'make it readable (chmod a+rx) or remove it'],
  EPERM: ['it cannot be listed: no permission', 'make it readable (chmod a+rx) or remove it'],
};

/** Why a file (or folder) cannot be read, and the fix, from an error or its code. */
export function unreadableMessage(what: string, err: unknown, folder = false): string {
  const code = errorCode(err);
  const [why, fix] = (folder ? FOLDER_REASONS : FILE_REASONS)[code] ?? [code, 'fix or remove it'];
  return `${what} cannot be read (${why}${why === code ? '' : `, ${code}`}); ${fix}`;
}

/** The fatal `site/unreadable` diagnostic of `file` (site-relative, POSIX). */
export function unreadable(file: string, err: unknown, what = 'this post', folder = false): Diagnostic {
  return { level: 'error', file, line: 0, column: 0, rule: 'site/unreadable', message: unreadableMessage(what, err, folder), fatal: true };
}
