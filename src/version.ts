/** pm's version, printed by `pm --version`, and the fingerprint of the code that runs. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

export const VERSION = '0.1.0';
/** The npm package pm is published as (the name `pm` belongs to another package). */
export const PACKAGE_NAME = 'postmortem-site';

let fingerprint: string | null = null;

/**
 * The version plus the content of every file of pm's own code (≈1 MB, a few ms):
 * part of every cache key, so a cache written by other code (a new release, a local
 * change) is never reused, while recompiling the same code keeps it.
 */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256').update(VERSION);
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const s = statSync(full);
      if (s.isDirectory()) walk(full);
      else
        hash
          .update(`${path.relative(here, full)}\0`)
          .update(readFileSync(full))
          .update('\0');
    }
  };
  const here = path.dirname(fileURLToPath(import.meta.url));
  walk(here);
  fingerprint = hash.digest('hex').slice(0, 16);
  return fingerprint;
}
