/** Builds a site into a fresh temp folder for the browser tests and lists its pages. */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite } from '../../src/build/build.js';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export interface BuiltSite {
  out: string;
  /** Every file, relative to `out`, with `/` separators, sorted. */
  files: string[];
}

export async function buildInto(root: string, prefix = 'pm-browser-'): Promise<BuiltSite> {
  const out = path.join(mkdtempSync(path.join(tmpdir(), prefix)), 'dist');
  // No build cache: a test must not leave a .pm-cache/ in the site it builds (the repository, for some).
  const result = await buildSite({ root, out, cache: false });
  const errors = result.diagnostics.filter((d) => d.level === 'error');
  if (!result.written) {
    throw new Error(`build of ${root} failed:\n${errors.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`).join('\n')}`);
  }
  return { out, files: listFiles(out) };
}

export function listFiles(dir: string, prefix = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...listFiles(path.join(dir, entry.name), rel));
    else found.push(rel);
  }
  return found.sort();
}
