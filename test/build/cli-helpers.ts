import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '..', '..');
/** The `pm` command as installed: the bundle of the compiled CLI (package.json `bin`). */
export const CLI = path.join(REPO, 'lib', 'pm', 'main.js');

/** The compiled and bundled CLI (`npm test` builds first; a lone vitest run builds here). */
export function ensureCompiled(): void {
  if (existsSync(CLI)) return;
  execFileSync(process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', REPO]);
  execFileSync(process.execPath, [path.join(REPO, 'scripts', 'bundle.mjs')]);
}

/** Every file under `dir` → sha256 of its bytes. */
export function treeHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else out[`${prefix}${name}`] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir, '');
  return out;
}
