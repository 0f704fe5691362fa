/**
 * Lists a theme folder's files the way a site's theme may be read: every entry is
 * resolved after links and must stay inside the site root (the fence); a link out of
 * it, a named pipe, a socket or a device is reported and never read. A link back to
 * a folder being walked is not followed twice. pm's own theme has no fence.
 */
import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { confine, type Confined } from '../load/confine.js';
import type { Diagnostic } from '../diagnostics.js';

export interface Fence {
  /** The site root: what a theme file may resolve into. */
  root: string;
  diagnostics: Diagnostic[];
}

export interface ThemeFile {
  /** POSIX path below the listed folder. */
  rel: string;
  /** Real path to read. */
  real: string;
}

function where(fence: Fence, full: string): string {
  return path.relative(fence.root, full).split(path.sep).join('/');
}

/** Reports why `full` is not read; `what` is "theme folder" or "theme file". */
export function refuse(fence: Fence | null, full: string, found: Exclude<Confined, { ok: true }>, what: string): void {
  if (!fence) return;
  const file = where(fence, full);
  const problem: Pick<Diagnostic, 'level' | 'rule' | 'message'> =
    found.problem === 'outside'
      ? {
          level: 'error',
          rule: 'theme/outside',
          message: `${what} is ${found.what}; a theme may only use files inside the site, so it is not read or published`,
        }
      : found.problem === 'special'
        ? { level: 'error', rule: 'theme/unreadable', message: `${what} is ${found.what}, not a file: it is not read` }
        : found.problem === 'missing'
          ? { level: 'warning', rule: 'theme/unreadable', message: `${what} is a link to nothing; it is skipped` }
          : { level: 'error', rule: 'theme/unreadable', message: `${what} cannot be read (${found.what})` };
  fence.diagnostics.push({ ...problem, file, line: 0, column: 0 });
}

/** Checks one path against the fence (or only its kind, without one). */
export function check(fence: Fence | null, full: string): Confined {
  return fence ? confine(fence.root, full) : confine(path.dirname(full), full, { anywhere: true });
}

/** Every file below `dir`, sorted by relative path; `dir` itself was checked by the caller. */
export function listThemeFiles(dir: string, fence: Fence | null): ThemeFile[] {
  const out: ThemeFile[] = [];
  const walk = (folder: string, prefix: string, open: Set<string>): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (err) {
      refuse(fence, folder, { ok: false, problem: 'unreadable', what: (err as { code?: string }).code ?? 'error' }, 'theme folder');
      return;
    }
    for (const name of entries.map((e) => e.name).sort()) {
      const full = path.join(folder, name);
      const found = check(fence, full);
      if (!found.ok) {
        refuse(fence, full, found, 'theme file');
        continue;
      }
      if (found.kind === 'file') out.push({ rel: `${prefix}${name}`, real: found.real });
      else if (!open.has(found.real)) walk(full, `${prefix}${name}/`, new Set([...open, found.real]));
    }
  };
  const top = check(fence, dir);
  if (top.ok && top.kind === 'dir') walk(dir, '', new Set([top.real]));
  return out;
}
