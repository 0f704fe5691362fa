/**
 * Discover and read: the first disk phase. Finds incident files under the posts
 * folder — `posts/<name>.md` and bundles `posts/<name>/index.md` — in a stable order.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { IncidentInput } from '../incident/types.js';

const MARKDOWN = /\.(md|markdown)$/i;

/** Relative (POSIX) paths of every incident file, sorted. Names starting with `_` or `.` are skipped. */
export function discoverIncidents(root: string, postsDir: string): string[] {
  if (!existsSync(postsDir)) return [];
  // Paths are built by joining names to the folder's relative path (path.relative per file
  // is measurable at 10,000 incidents).
  const rel = toPosix(path.relative(root, postsDir));
  const under = (name: string): string => (rel ? `${rel}/${name}` : name);
  const found: string[] = [];
  const entries = readdirSync(postsDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const name = entry.name;
    if (name.startsWith('.') || name.startsWith('_')) continue;
    // Dirent types spare a stat per file; symlinks (and unknown types) are stat'ed.
    const stat = entry.isFile() || entry.isDirectory() ? entry : statSync(path.join(postsDir, name));
    if (stat.isFile() && MARKDOWN.test(name)) found.push(under(name));
    else if (stat.isDirectory()) {
      const index = ['index.md', 'index.markdown'].find((n) => existsSync(path.join(postsDir, name, n)));
      if (index) found.push(under(`${name}/${index}`));
    }
  }
  return found;
}

export function readIncident(root: string, file: string): IncidentInput {
  return { file, content: readFileSync(path.join(root, file), 'utf8') };
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
