/**
 * Time to detect / acknowledge / mitigate / resolve as median and p90, per quarter,
 * overall and per group, and the trend: the latest quarter with values against the
 * quarter with values before it.
 */
import type { IncidentSummary } from '../render/types.js';
import { spread, type Spread } from './stats.js';

export const METRICS = ['detect', 'acknowledge', 'mitigate', 'resolve'] as const;
export type MetricName = (typeof METRICS)[number];
export type MetricSpreads = Record<MetricName, Spread>;

export const METRIC_LABEL: Record<MetricName, string> = {
  detect: 'Time to detect',
  acknowledge: 'Time to acknowledge',
  mitigate: 'Time to mitigate',
  resolve: 'Time to resolve',
};

export function metricValue(s: IncidentSummary, m: MetricName): number | null {
  return s.metrics[`time_to_${m}_s`] ?? null;
}

export function spreads(list: readonly IncidentSummary[]): MetricSpreads {
  const out = {} as MetricSpreads;
  for (const m of METRICS) out[m] = spread(list.map((s) => metricValue(s, m)));
  return out;
}

export interface Trend {
  period: string;
  median_s: number;
  previous_period: string;
  previous_median_s: number;
  /** Change of the median in percent of the previous one (negative: faster), one decimal. */
  change_pct: number | null;
  direction: 'faster' | 'slower' | 'same';
}

export function trendOf(rows: ReadonlyArray<{ period: string } & MetricSpreads>, m: MetricName): Trend | null {
  const known = rows.filter((r) => r[m].median_s !== null);
  const last = known[known.length - 1];
  const before = known[known.length - 2];
  if (!last || !before) return null;
  const now = last[m].median_s!;
  const then = before[m].median_s!;
  return {
    period: last.period,
    median_s: now,
    previous_period: before.period,
    previous_median_s: then,
    change_pct: then === 0 ? null : Math.round(((now - then) / then) * 1000) / 10,
    direction: now < then ? 'faster' : now > then ? 'slower' : 'same',
  };
}
