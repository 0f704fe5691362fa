/**
 * Slugs for URLs: lowercase letters (any script), digits and dashes. Accents on
 * Latin letters are folded (`Sécurité` → `securite`); letters of other scripts are
 * kept (`сбой`, `事故`: percent-encoded where a URL must be ASCII); everything else
 * becomes a dash. Deterministic and locale-independent (no toLocaleLowerCase).
 */
import { createHash } from 'node:crypto';

export function slugify(input: string): string {
  return (
    input
      .normalize('NFKD')
      // only accents on Latin letters: `й` (и + breve) stays `й`, `é` becomes `e`
      .replace(/([A-Za-z])[\u0300-\u036f]+/g, '$1')
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
  );
}

/**
 * The slug of a name with no letters or digits (`🔥.md`): `incident-` and 8 hex digits
 * of a hash of `key` (the file's path), so two such files never share a URL.
 */
export function fallbackSlug(key: string): string {
  return `incident-${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
}

/** Tracks slugs already handed out in one document and suffixes repeats (`-1`, `-2`). */
export class Slugger {
  private readonly seen = new Map<string, number>();
  slug(text: string, fallback = 'section'): string {
    const base = slugify(text) || fallback;
    const n = this.seen.get(base);
    this.seen.set(base, (n ?? 0) + 1);
    return n === undefined ? base : `${base}-${n}`;
  }
}
