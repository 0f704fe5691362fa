/**
 * Slugs for URLs: lowercase ASCII letters, digits and dashes. Accents are folded
 * (`Sécurité` → `securite`), everything else becomes a dash. Deterministic and
 * locale-independent (no toLocaleLowerCase).
 */
export function slugify(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
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
