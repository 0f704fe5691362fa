/**
 * `insights.json` (schema `pm.insights/1`): everything the insights page draws, computed
 * from the incident summaries alone. Keys are only ever added within `pm.insights/1`.
 */
import type { IncidentSummary } from '../render/types.js';
import { groupBy, rootCauseNames, serviceNames, tagNames, type Group } from './groups.js';
import { monthOf, monthRange, quarterOf, quarterRange } from './periods.js';
import { LEVELS, levelOf, zeroCounts, type SeverityCounts } from './severity.js';
import { METRICS, spreads, trendOf, type MetricName, type MetricSpreads, type Trend } from './times.js';

export interface PeriodCount {
  period: string;
  count: number;
  by_severity: SeverityCounts;
}

export type GroupStats = { slug: string; name: string; count: number } & MetricSpreads;

export interface InsightsJson {
  schema: 'pm.insights/1';
  title: string;
  count: number;
  /** Each level with the severities written that fell in it, most frequent first. */
  severity_levels: Array<{ key: string; label: string; count: number; written: Array<{ severity: string; count: number }> }>;
  months: PeriodCount[];
  quarters: PeriodCount[];
  times: {
    overall: MetricSpreads;
    by_quarter: Array<{ period: string; count: number } & MetricSpreads>;
    trend: Record<MetricName, Trend | null>;
    by_service: GroupStats[];
    by_tag: GroupStats[];
  };
  /** Incidents without a value, per metric, and without any of the four. */
  without_metrics: Record<MetricName, number> & { any_metric: number };
  top: {
    services: Array<{ slug: string; name: string; count: number }>;
    tags: Array<{ slug: string; name: string; count: number }>;
    root_causes: Array<{ slug: string; name: string; count: number }>;
  };
}

export function insightsData(sorted: readonly IncidentSummary[], title: string): InsightsJson {
  const oldestFirst = [...sorted].reverse();
  const first = oldestFirst[0]?.dateIso;
  const last = oldestFirst[oldestFirst.length - 1]?.dateIso;
  const months = first && last ? monthRange(monthOf(first), monthOf(last)) : [];
  const quarters = first && last ? quarterRange(quarterOf(first), quarterOf(last)) : [];
  const byQuarter = bucket(oldestFirst, quarterOf);
  const quarterRows = quarters.map((period) => ({ period, count: byQuarter.get(period)?.length ?? 0, ...spreads(byQuarter.get(period) ?? []) }));
  const trend = {} as Record<MetricName, Trend | null>;
  for (const m of METRICS) trend[m] = trendOf(quarterRows, m);
  const overall = spreads(sorted);
  const withoutAny = sorted.filter((s) => METRICS.every((m) => s.metrics[`time_to_${m}_s`] === null)).length;
  const services = groupBy(sorted, serviceNames);
  const tags = groupBy(sorted, tagNames);
  return {
    schema: 'pm.insights/1',
    title,
    count: sorted.length,
    severity_levels: severityLevels(sorted),
    months: counts(months, bucket(oldestFirst, monthOf)),
    quarters: counts(quarters, byQuarter),
    times: { overall, by_quarter: quarterRows, trend, by_service: services.map(groupStats), by_tag: tags.map(groupStats) },
    without_metrics: { ...(Object.fromEntries(METRICS.map((m) => [m, overall[m].missing])) as Record<MetricName, number>), any_metric: withoutAny },
    top: { services: services.map(countOf), tags: tags.map(countOf), root_causes: groupBy(sorted, rootCauseNames).map(countOf) },
  };
}

function bucket(list: readonly IncidentSummary[], key: (dateIso: string) => string): Map<string, IncidentSummary[]> {
  const map = new Map<string, IncidentSummary[]>();
  for (const s of list) {
    const k = key(s.dateIso);
    const b = map.get(k);
    if (b) b.push(s);
    else map.set(k, [s]);
  }
  return map;
}

function counts(periods: readonly string[], buckets: Map<string, IncidentSummary[]>): PeriodCount[] {
  return periods.map((period) => {
    const list = buckets.get(period) ?? [];
    const by_severity = zeroCounts();
    for (const s of list) by_severity[levelOf(s.severity)]++;
    return { period, count: list.length, by_severity };
  });
}

function severityLevels(sorted: readonly IncidentSummary[]): InsightsJson['severity_levels'] {
  return LEVELS.map(({ key, label }) => {
    const written = new Map<string, number>();
    for (const s of sorted) if (levelOf(s.severity) === key && s.severity !== null) written.set(s.severity, (written.get(s.severity) ?? 0) + 1);
    const list = [...written].map(([severity, count]) => ({ severity, count })).sort((a, b) => b.count - a.count || (a.severity < b.severity ? -1 : 1));
    return { key, label, count: sorted.filter((s) => levelOf(s.severity) === key).length, written: list };
  });
}

const countOf = (g: Group): { slug: string; name: string; count: number } => ({ slug: g.slug, name: g.name, count: g.incidents.length });
const groupStats = (g: Group): GroupStats => ({ ...countOf(g), ...spreads(g.incidents) });
