/**
 * The posts folder is site content: a post that is a link to a file outside the site
 * (`posts/leak.md -> ~/.ssh/id_rsa`), a bundle folder linked elsewhere, or a named pipe
 * where an `index.md` should be is reported and never read. Only links need resolving:
 * a plain file below a folder that is inside the site is inside too.
 */
import { lstatSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { confine, type Confined } from './confine.js';
import type { Diagnostic } from '../diagnostics.js';
import { errorCode, unreadable } from './unreadable.js';

const siteRel = (root: string, full: string): string => path.relative(root, full).split(path.sep).join('/');

function report(root: string, full: string, found: Exclude<Confined, { ok: true }>, problems: Diagnostic[], what = 'this post'): void {
  const file = siteRel(root, full);
  if (found.problem === 'outside') {
    const message = `${what} is ${found.what}: a site may only publish files inside it, so it is not read`;
    problems.push({ level: 'error', file, line: 0, column: 0, rule: 'site/outside', message });
  } else if (found.problem === 'special') {
    const message = `${what} is ${found.what}, not a file: it is not read; remove it from the posts folder`;
    problems.push({ level: 'error', file, line: 0, column: 0, rule: 'site/unreadable', message, fatal: true });
  } else problems.push(unreadable(file, { code: found.what }, what));
}

/** A folder of the posts that cannot be listed: reported (fatal for it alone), never thrown. */
export function unlistable(root: string, dir: string, err: unknown, problems: Diagnostic[], what: string): void {
  problems.push(unreadable(siteRel(root, dir), err, what, true));
}

/** Checks the posts folder itself; false when there is nothing to list (reported unless missing). */
export function postsFolderUsable(root: string, postsDir: string, problems: Diagnostic[]): boolean {
  const found = confine(root, postsDir);
  if (found.ok) return found.kind === 'dir';
  if (found.problem !== 'missing') report(root, postsDir, found, problems, 'the posts folder');
  return false;
}

/** What an entry of the posts folder is once checked: a file, a folder, or null (skipped or refused). */
export function entryKind(root: string, full: string, entry: Dirent, markdown: boolean, problems: Diagnostic[]): 'file' | 'dir' | null {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'dir';
  const found = confine(root, full);
  if (found.ok) return found.kind;
  // Other files (a socket beside the posts) were never posts: only a would-be post is reported.
  if (markdown || found.problem === 'outside') report(root, full, found, problems);
  return null;
}

/** The bundle's index file name (`index.md`, `index.markdown`), checked; undefined when none. */
export function bundleIndex(root: string, dir: string, problems: Diagnostic[]): string | undefined {
  for (const name of ['index.md', 'index.markdown']) {
    const full = path.join(dir, name);
    let isFile: boolean;
    try {
      isFile = lstatSync(full).isFile();
    } catch (e) {
      const code = errorCode(e);
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      unlistable(root, dir, e, problems, 'this bundle folder');
      return undefined;
    }
    if (isFile) return name;
    const found = confine(root, full);
    if (found.ok && found.kind === 'file') return name;
    if (!found.ok) report(root, full, found, problems);
  }
  return undefined;
}
