/**
 * Discover and read: the first disk phase. Finds incident files under the posts
 * folder — `posts/<name>.md` and bundles `posts/<name>/index.md` — in a stable order.
 */
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { IncidentInput } from '../incident/types.js';
import { bundleIndex, entryKind, postsFolderUsable, unlistable } from './posts-fence.js';

const MARKDOWN = /\.(md|markdown)$/i;

/**
 * Relative (POSIX) paths of every incident file, sorted. Names starting with `_` or `.`
 * are skipped; links out of the site and pipes are added to `problems` (posts-fence.ts).
 */
export function discoverIncidents(root: string, postsDir: string, problems: Diagnostic[] = []): string[] {
  if (!postsFolderUsable(root, postsDir, problems)) return [];
  // Paths are built by joining names to the folder's relative path (path.relative per file
  // is measurable at 10,000 incidents).
  const rel = toPosix(path.relative(root, postsDir));
  const under = (name: string): string => (rel ? `${rel}/${name}` : name);
  const found: string[] = [];
  let entries: Dirent[];
  try {
    entries = readdirSync(postsDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (e) {
    unlistable(root, postsDir, e, problems, 'the posts folder');
    return [];
  }
  for (const entry of entries) {
    const name = entry.name;
    if (name.startsWith('.') || name.startsWith('_')) continue;
    // Dirent types spare a stat per file; links (and unknown types) are resolved and checked.
    const kind = entryKind(root, path.join(postsDir, name), entry, MARKDOWN.test(name), problems);
    if (kind === 'file' && MARKDOWN.test(name)) found.push(under(name));
    else if (kind === 'dir') {
      const index = bundleIndex(root, path.join(postsDir, name), problems);
      if (index) found.push(under(`${name}/${index}`));
    }
  }
  return found;
}

/** An incident file's text. Throws the file-system error: callers report it with load/unreadable.ts. */
export function readIncident(root: string, file: string): IncidentInput {
  return { file, content: readFileSync(path.join(root, file), 'utf8') };
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
