/**
 * `check/tag-spelling`: one tag written two ways. Tags are grouped by slug, so `IPv6`
 * and `ipv6` are the same tag but show whichever spelling came first; and near-twins
 * (`databse`/`database`, `outage`/`outages`, `ip-v6`/`ipv6`) split one topic over two
 * tag pages. The less used spelling is reported, pointing at its `tags:` line.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Incident } from '../incident/types.js';
import { frontMatterEnd } from './types.js';

/** What the tag rules read of an incident. */
export type TagOwner = Pick<Incident, 'file' | 'tags' | 'places' | 'bodyLineOffset'>;

interface Use {
  name: string;
  slug: string;
  incident: TagOwner;
}

export function checkTags(incidents: readonly TagOwner[]): Diagnostic[] {
  const uses: Use[] = incidents.flatMap((incident) => incident.tags.map((t) => ({ ...t, incident })));
  const bySlug = groupBy(uses, (u) => u.slug);
  const problems: Diagnostic[] = [];

  // Same tag, different spelling: the most used spelling (then the first met) wins.
  for (const list of bySlug.values()) {
    const spellings = groupBy(list, (u) => u.name);
    if (spellings.size < 2) continue;
    const [main, ...others] = ranked(spellings);
    for (const [name, rest] of others) {
      for (const u of rest) problems.push(warn(u, `tag "${name}" is written "${main![0]}" in ${count(main![1])}; use one spelling`));
    }
  }

  // Different tags that are probably one: the less used slug is reported.
  const slugs = ranked(bySlug);
  for (let i = 0; i < slugs.length; i++) {
    for (let j = i + 1; j < slugs.length; j++) {
      const [a, aUses] = slugs[i]!;
      const [b, bUses] = slugs[j]!;
      if (!nearTwins(a, b)) continue;
      for (const u of bUses) problems.push(warn(u, `tag "${u.name}" looks like "${aUses[0]!.name}" (${count(aUses)}); use one tag`));
    }
  }
  return problems;
}

function warn(u: Use, message: string): Diagnostic {
  const at = u.incident.places['tags'] ?? frontMatterEnd(u.incident);
  return { level: 'warning', file: u.incident.file, line: at.line, column: at.column, rule: 'check/tag-spelling', message };
}

function count(list: readonly Use[]): string {
  const files = [...new Set(list.map((u) => u.incident.file))];
  const shown = files.slice(0, 3).join(', ');
  return `${files.length} incident${files.length === 1 ? '' : 's'}: ${shown}${files.length > 3 ? ', …' : ''}`;
}

function groupBy(list: readonly Use[], key: (u: Use) => string): Map<string, Use[]> {
  const map = new Map<string, Use[]>();
  for (const u of list) {
    const k = key(u);
    const l = map.get(k);
    if (l) l.push(u);
    else map.set(k, [u]);
  }
  return map;
}

/** Most used first; ties keep the first met (incidents come in file order). */
function ranked(map: Map<string, Use[]>): Array<[string, Use[]]> {
  return [...map.entries()]
    .map((e, i) => ({ e, i }))
    .sort((x, y) => y.e[1].length - x.e[1].length || x.i - y.i)
    .map((x) => x.e);
}

/** Two slugs that differ only by dashes, a plural `s`, or one letter (digits are real differences). */
export function nearTwins(a: string, b: string): boolean {
  const bare = (s: string): string => s.replace(/-/g, '');
  if (bare(a) === bare(b)) return true;
  const sing = (s: string): string => bare(s).replace(/(es|s)$/, '');
  if (sing(a) === sing(b)) return true;
  if (Math.min(a.length, b.length) < 5) return false;
  return oneLetterApart(a, b);
}

function oneLetterApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  const differ = (c: string | undefined): boolean => c !== undefined && !/[0-9]/.test(c);
  if (s.length === l.length) {
    // one substitution, or two neighbours swapped
    if (s.slice(i + 1) === l.slice(i + 1)) return differ(s[i]) && differ(l[i]);
    return s[i] === l[i + 1] && s[i + 1] === l[i] && s.slice(i + 2) === l.slice(i + 2);
  }
  return s.slice(i) === l.slice(i + 1) && differ(l[i]);
}
