/**
 * Lists the files under a folder of the site for publishing as they are (bundle assets,
 * `static/`). Untrusted input: a symlink is followed only when its real path stays inside
 * the site root (else an error), each real folder is entered once (no symlink loop), and
 * anything that is not a regular file or folder (FIFO, socket, device) is skipped with an
 * error — it is never opened, so nothing can hang the build.
 */
import { accessSync, constants, lstatSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { resolveInside } from './inside.js';

export interface FoundFile {
  /** Path below the folder walked, POSIX. */
  rel: string;
  /** Path relative to the site root, POSIX (what diagnostics name). */
  site: string;
  /** Real path on disk, inside the site root. */
  real: string;
  size: number;
  mtimeMs: number;
}

export interface WalkOptions {
  /** Leave out names starting with `.` (editor and system files in a bundle). */
  skipDot?: boolean;
  /** Absolute paths (as joined, or real) never listed: a bundle's index.md and its log sources. */
  exclude?: ReadonlySet<string>;
}

const code = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? 'error';

export function walkFiles(root: string, dir: string, opts: WalkOptions = {}): { files: FoundFile[]; diagnostics: Diagnostic[] } {
  const files: FoundFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const siteOf = (abs: string): string => path.relative(root, abs).split(path.sep).join('/');
  const problem = (abs: string, rule: string, message: string): void =>
    void diagnostics.push({ level: 'error', file: siteOf(abs), line: 0, column: 0, rule, message });
  const top = resolveInside(root, dir);
  if (!top.ok) {
    problem(dir, 'site/outside-root', `${siteOf(dir)} is not published: ${top.why}`);
    return { files, diagnostics };
  }
  const seen = new Set<string>([top.real]);
  const walk = (abs: string, real: string, rel: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      return problem(abs, 'site/unreadable', `not published: the folder cannot be read (${code(e)}); fix its permissions`);
    }
    for (const entry of entries) {
      if (opts.skipDot && entry.name.startsWith('.')) continue;
      const full = path.join(abs, entry.name);
      const relName = rel ? `${rel}/${entry.name}` : entry.name;
      let target = path.join(real, entry.name);
      if (opts.exclude?.has(full) || opts.exclude?.has(target)) continue;
      let kind: Dirent | Stats = entry;
      try {
        if (entry.isSymbolicLink()) {
          const inside = resolveInside(root, full);
          if (!inside.ok) {
            problem(full, 'site/outside-root', `not published: ${inside.why}; copy the file into the site instead`);
            continue;
          }
          target = inside.real;
          if (opts.exclude?.has(target)) continue;
          kind = statSync(target);
        } else if (!entry.isFile() && !entry.isDirectory()) kind = lstatSync(full);
        if (kind.isFile()) accessSync(target, constants.R_OK);
      } catch (e) {
        problem(full, 'site/unreadable', `not published: the file cannot be read (${code(e)}); fix its permissions or remove it`);
        continue;
      }
      if (kind.isDirectory()) {
        if (seen.has(target)) continue;
        seen.add(target);
        walk(full, target, relName);
      } else if (kind.isFile()) {
        const s = 'size' in kind ? kind : statSync(target);
        files.push({ rel: relName, site: siteOf(full), real: target, size: s.size, mtimeMs: s.mtimeMs });
      } else {
        problem(full, 'site/not-a-file', 'not published: not a regular file (a FIFO, socket or device); remove it from the site');
      }
    }
  };
  walk(path.resolve(dir), top.real, '');
  return { files, diagnostics };
}
