/**
 * Lists a blog's files without leaving its folder: every entry is checked with confine()
 * after symbolic links, so a post or folder linked from elsewhere on the machine is
 * refused (reported), never read or copied.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { confine } from '../load/confine.js';

export interface Walked {
  /** Regular files inside the blog, absolute, sorted. */
  files: string[];
  /** Entries refused: relative path and why. */
  refused: Array<{ rel: string; why: string }>;
}

/** Files under `dir` (relative to the blog `root`), depth-first; `skip` names folders to leave out. */
export function walk(root: string, dir: string, skip: (name: string) => boolean = () => false): Walked {
  const out: Walked = { files: [], refused: [] };
  const visit = (at: string, depth: number): void => {
    if (depth > 32) return;
    let entries;
    try {
      entries = readdirSync(at, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(at, e.name);
      const c = confine(root, full);
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (!c.ok) {
        out.refused.push({ rel, why: c.problem === 'outside' ? 'it leads outside the blog folder' : c.what });
        continue;
      }
      if (c.kind === 'dir') {
        if (!skip(e.name)) visit(full, depth + 1);
      } else out.files.push(full);
    }
  };
  visit(dir, 0);
  return out;
}

export function posix(root: string, p: string): string {
  return path.relative(root, p).split(path.sep).join('/');
}
