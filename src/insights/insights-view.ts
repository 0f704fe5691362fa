/**
 * The insights page's view model: the charts (SVG strings made here, every text in them
 * escaped) and, for each, the same numbers as a table for screen readers and print.
 */
import { humanDuration } from '../render/format.js';
import type { GroupStats, InsightsJson, PeriodCount } from './compute.js';
import { LEVELS } from './severity.js';
import type { Spread } from './stats.js';
import { horizontalBars } from './svg/hbars.js';
import { quarterLines } from './svg/lines.js';
import { stackedBars } from './svg/stacked.js';
import { METRIC_LABEL, METRICS, type Trend } from './times.js';

/** Rows of the by-service and by-tag tables on the page (insights.json has them all). */
const GROUP_ROWS = 25;
const TOP = 10;

const dur = (s: number | null): string => humanDuration(s) ?? '—';

export function insightsView(data: InsightsJson): Record<string, unknown> {
  const months = data.months;
  const range = months.length ? `${months[0]!.period} to ${months[months.length - 1]!.period}` : '';
  return {
    data,
    range,
    withoutAny: data.without_metrics.any_metric,
    legend: LEVELS.map((l) => ({ key: l.key, label: l.label, count: data.severity_levels.find((s) => s.key === l.key)?.count ?? 0 })),
    levels: LEVELS.map((l) => l.label),
    perMonth: periodFigure(months, 'month', `Incidents per month by severity, ${range}`),
    perQuarter: periodFigure(data.quarters, 'quarter', `Incidents per quarter by severity, ${range}`),
    metrics: METRICS.map((m) => ({
      key: m,
      label: METRIC_LABEL[m],
      overall: spreadView(data.times.overall[m]),
      trend: trendText(data.times.trend[m]),
      chart: quarterLines(
        data.times.by_quarter.map((q) => ({ period: q.period, spread: q[m] })),
        `${METRIC_LABEL[m]} per quarter: median (solid) and 90th percentile (dashed); ${trendText(data.times.trend[m]) ?? 'no trend yet'}`,
      ),
    })),
    metricLabels: METRICS.map((m) => METRIC_LABEL[m]),
    quarterTimes: data.times.by_quarter.map((q) => ({ period: q.period, count: q.count, cells: METRICS.map((m) => spreadView(q[m])) })),
    byService: groupTable(data.times.by_service),
    byTag: groupTable(data.times.by_tag),
    top: [
      { id: 'top-services', title: 'Services', rows: data.top.services },
      { id: 'top-tags', title: 'Tags', rows: data.top.tags },
      { id: 'top-root-causes', title: 'Root causes', rows: data.top.root_causes },
    ].map((t) => ({
      ...t,
      total: t.rows.length,
      rows: t.rows.slice(0, TOP),
      chart: t.rows.length
        ? horizontalBars(
            t.rows.slice(0, TOP),
            `Most frequent ${t.title.toLowerCase()}: ${t.rows
              .slice(0, TOP)
              .map((r) => `${r.name} ${r.count}`)
              .join(', ')}`,
          )
        : '',
    })),
  };
}

function periodFigure(rows: readonly PeriodCount[], kind: 'month' | 'quarter', label: string): Record<string, unknown> {
  return {
    chart: rows.length ? stackedBars(rows, kind, label) : '',
    rows: rows.map((r) => ({ period: r.period, count: r.count, cells: LEVELS.map((l) => r.by_severity[l.key]) })),
  };
}

function spreadView(s: Spread): Record<string, unknown> {
  return { n: s.n, missing: s.missing, median: dur(s.median_s), p90: dur(s.p90_s) };
}

function groupTable(groups: readonly GroupStats[]): Record<string, unknown> {
  return {
    total: groups.length,
    more: groups.length > GROUP_ROWS,
    rows: groups.slice(0, GROUP_ROWS).map((g) => ({ name: g.name, count: g.count, cells: METRICS.map((m) => spreadView(g[m])) })),
  };
}

/** `median 2h 10m in 2025-Q4, 35% faster than 2025-Q3 (3h 20m)`. */
export function trendText(t: Trend | null): string | null {
  if (!t) return null;
  const ratio = t.previous_median_s > 0 ? t.median_s / t.previous_median_s : null;
  const change =
    t.direction === 'same'
      ? 'unchanged from'
      : ratio !== null && ratio >= 2
        ? `${Math.round(ratio * 10) / 10}× slower than`
        : t.change_pct === null
          ? `${t.direction} than`
          : `${Math.abs(t.change_pct)}% ${t.direction} than`;
  return `median ${dur(t.median_s)} in ${t.period}, ${change} ${t.previous_period} (${dur(t.previous_median_s)})`;
}
