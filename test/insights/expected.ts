/**
 * What insights.json and follow-ups.json must say about a generated archive, computed
 * from the generator's model alone (not from pm's summaries), with the definitions the
 * README gives: median = middle value or mean of the two middle ones; p90 = nearest rank,
 * the value at position ceil(0.9 n) of the sorted values.
 */
import { LEVEL, METRICS, type Metric, type ModelIncident } from './generate.js';

export const quarterOf = (day: string): string => `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
export const levelOf = (s: string | null): string => (s === null ? 'sev-unknown' : LEVEL[s]!);
export const slugOf = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function medianP90(values: Array<number | null>): { n: number; missing: number; median_s: number | null; p90_s: number | null } {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const n = known.length;
  const median = n === 0 ? null : n % 2 ? known[(n - 1) / 2]! : (known[n / 2 - 1]! + known[n / 2]!) / 2;
  return { n, missing: values.length - n, median_s: median, p90_s: n === 0 ? null : known[Math.ceil(0.9 * n) - 1]! };
}

export function metricsOf(list: readonly ModelIncident[]): Record<Metric, ReturnType<typeof medianP90>> {
  return Object.fromEntries(METRICS.map((m) => [m, medianP90(list.map((i) => i.metrics[m]))])) as Record<Metric, ReturnType<typeof medianP90>>;
}

/** Every period from the first to the last, with counts by severity level. */
export function periodCounts(
  list: readonly ModelIncident[],
  keyOf: (day: string) => string,
  all: string[],
): Array<{ period: string; count: number; by_severity: Record<string, number> }> {
  return all.map((period) => {
    const here = list.filter((i) => keyOf(i.day) === period);
    const by: Record<string, number> = { 'sev-1': 0, 'sev-2': 0, 'sev-3': 0, 'sev-4': 0, 'sev-unknown': 0 };
    for (const i of here) by[levelOf(i.severity)]!++;
    return { period, count: here.length, by_severity: by };
  });
}

export function allMonths(from: string, to: string): string[] {
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7)); `${y}-${String(m).padStart(2, '0')}` <= to; m === 12 ? (y++, (m = 1)) : m++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

/** Names with their counts, most frequent first, ties by slug. */
export function frequent(list: readonly ModelIncident[], names: (i: ModelIncident) => string[]): Array<{ slug: string; count: number }> {
  const counts = new Map<string, number>();
  for (const i of list) for (const s of new Set(names(i).map(slugOf))) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([slug, count]) => ({ slug, count })).sort((a, b) => b.count - a.count || (a.slug < b.slug ? -1 : 1));
}
