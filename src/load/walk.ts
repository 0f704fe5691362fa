/**
 * Lists the files under a folder of the site for publishing as they are (bundle assets,
 * `static/`). Untrusted input: a symlink is followed only when its real path stays inside
 * the site root (load/confine.ts; else an error), each real folder is entered once (no symlink
 * loop), and anything that is not a regular file or folder (FIFO, socket, device) is
 * skipped with an error — it is never opened, so nothing can hang the build.
 */
import { accessSync, constants, lstatSync, readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { confine, specialKind } from './confine.js';
import type { Diagnostic, RuleId } from '../diagnostics.js';

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
  const problem = (abs: string, rule: RuleId, message: string): void =>
    void diagnostics.push({ level: 'error', file: siteOf(abs), line: 0, column: 0, rule, message, ...(rule === 'site/unreadable' ? { fatal: true } : {}) });
  /** The real path and kind of `abs`, or null after reporting why it is not published. */
  const follow = (abs: string): { real: string; kind: 'file' | 'dir' } | null => {
    const c = confine(root, abs);
    if (c.ok) return c;
    if (c.problem === 'outside') problem(abs, 'site/outside-root', `not published: it leads ${c.what}; copy the file into the site instead`);
    else if (c.problem === 'special') problem(abs, 'site/not-a-file', `not published: ${c.what}, not a regular file; remove it from the site`);
    else problem(abs, 'site/unreadable', `not published: it cannot be read (${c.problem === 'missing' ? 'a broken link' : c.what}); fix or remove it`);
    return null;
  };
  const top = follow(path.resolve(dir));
  if (!top || top.kind !== 'dir') return { files, diagnostics };
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
      let kind: 'file' | 'dir';
      if (entry.isSymbolicLink()) {
        const found = follow(full);
        if (!found) continue;
        ({ real: target, kind } = found);
        if (opts.exclude?.has(target)) continue;
      } else if (entry.isFile() || entry.isDirectory()) kind = entry.isFile() ? 'file' : 'dir';
      else {
        const st = lstatSync(full, { throwIfNoEntry: false });
        if (st?.isFile() || st?.isDirectory()) kind = st.isFile() ? 'file' : 'dir';
        else {
          problem(full, 'site/not-a-file', `not published: ${st ? specialKind(st) : 'gone'}, not a regular file; remove it from the site`);
          continue;
        }
      }
      if (kind === 'dir') {
        if (seen.has(target)) continue;
        seen.add(target);
        walk(full, target, relName);
        continue;
      }
      try {
        accessSync(target, constants.R_OK);
        const s = statSync(target);
        files.push({ rel: relName, site: siteOf(full), real: target, size: s.size, mtimeMs: s.mtimeMs });
      } catch (e) {
        problem(full, 'site/unreadable', `not published: the file cannot be read (${code(e)}); fix its permissions or remove it`);
      }
    }
  };
  walk(path.resolve(dir), top.real, '');
  return { files, diagnostics };
}
