/**
 * Incidents grouped by a name they carry (services, tags, root causes): one group per
 * slug, keeping the first spelling met in date order (like tags), sorted most
 * frequent first, then by slug.
 */
import { slugify } from '../slug.js';
import type { IncidentSummary } from '../render/types.js';

export interface Group {
  slug: string;
  name: string;
  incidents: IncidentSummary[];
}

type Names = (s: IncidentSummary) => ReadonlyArray<{ slug: string; name: string }>;

export const serviceNames: Names = (s) => s.services.flatMap((name) => (slugify(name) ? [{ slug: slugify(name), name }] : []));
export const tagNames: Names = (s) => s.tags;
export const rootCauseNames: Names = (s) => s.rootCauses ?? [];

/** `sorted` newest first; each group lists its incidents newest first. */
export function groupBy(sorted: readonly IncidentSummary[], names: Names): Group[] {
  const map = new Map<string, Group>();
  for (let i = sorted.length - 1; i >= 0; i--) {
    const s = sorted[i]!;
    const seen = new Set<string>();
    for (const { slug, name } of names(s)) {
      if (seen.has(slug)) continue;
      seen.add(slug);
      let g = map.get(slug);
      if (!g) map.set(slug, (g = { slug, name, incidents: [] }));
      g.incidents.push(s);
    }
  }
  for (const g of map.values()) g.incidents.reverse();
  return [...map.values()].sort((a, b) => b.incidents.length - a.incidents.length || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}
