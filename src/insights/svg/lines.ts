/**
 * One response-time metric per quarter: the median as a solid line with dots, the p90
 * as a dashed line. A quarter without values breaks the lines (nothing is guessed).
 */
import { escapeHtml as esc } from '../../text/escape.js';
import type { Spread } from '../stats.js';
import { durationUnit, fmt, niceTicks, px } from './scale.js';

const W = 460;
const H = 220;
const M = { top: 12, right: 10, bottom: 40, left: 44 };

export interface QuarterPoint {
  period: string;
  spread: Spread;
}

export function quarterLines(points: readonly QuarterPoint[], label: string): string {
  const max = Math.max(0, ...points.map((p) => p.spread.p90_s ?? 0));
  const unit = durationUnit(max);
  const ticks = niceTicks(max / unit.seconds);
  const top = ticks[ticks.length - 1]!;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const slot = plotW / Math.max(1, points.length);
  const x = (i: number): number => M.left + slot * (i + 0.5);
  const y = (s: number): number => M.top + plotH - (s / unit.seconds / top) * plotH;
  const out: string[] = [];
  for (const t of ticks) {
    out.push(
      `<line class="ins-grid" x1="${M.left}" x2="${W - M.right}" y1="${px(y(t * unit.seconds))}" y2="${px(y(t * unit.seconds))}" stroke="currentColor" stroke-opacity=".15"/>`,
    );
    out.push(`<text class="ins-tick" x="${M.left - 6}" y="${px(y(t * unit.seconds) + 4)}" text-anchor="end">${fmt(t)}${unit.suffix}</text>`);
  }
  out.push(path(points, 'p90_s', x, y, 'ins-p90', 'stroke-dasharray="5 4"'));
  out.push(path(points, 'median_s', x, y, 'ins-median', ''));
  points.forEach((p, i) => {
    const v = p.spread.median_s;
    if (v !== null)
      out.push(
        `<circle class="ins-median-dot" cx="${px(x(i))}" cy="${px(y(v))}" r="3"><title>${esc(`${p.period}: median ${fmt(v / unit.seconds)}${unit.suffix}, p90 ${fmt((p.spread.p90_s ?? 0) / unit.seconds)}${unit.suffix} (${p.spread.n} incidents)`)}</title></circle>`,
      );
    const q = p.period.slice(5);
    if (points.length <= 12 || q === 'Q1') {
      out.push(
        `<text class="ins-tick" x="${px(x(i))}" y="${H - M.bottom + 16}" text-anchor="middle">${esc(points.length <= 12 ? q : p.period.slice(0, 4))}</text>`,
      );
      if (points.length <= 12 && (q === 'Q1' || i === 0))
        out.push(`<text class="ins-tick ins-year" x="${px(x(i))}" y="${H - M.bottom + 31}" text-anchor="middle">${esc(p.period.slice(0, 4))}</text>`);
    }
  });
  out.push(`<line class="ins-axis" x1="${M.left}" x2="${W - M.right}" y1="${px(y(0))}" y2="${px(y(0))}" stroke="currentColor" stroke-opacity=".6"/>`);
  return `<svg class="ins-chart ins-lines" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg" font-size="12" fill="currentColor">\n${out.join('\n')}\n</svg>`;
}

/** A polyline through the known values; an unknown one starts a new segment. */
function path(
  points: readonly QuarterPoint[],
  key: 'median_s' | 'p90_s',
  x: (i: number) => number,
  y: (s: number) => number,
  cls: string,
  extra: string,
): string {
  let d = '';
  let pen = false;
  points.forEach((p, i) => {
    const v = p.spread[key];
    if (v === null) return void (pen = false);
    d += `${pen ? 'L' : 'M'}${px(x(i))} ${px(y(v))}`;
    pen = true;
  });
  return d ? `<path class="${cls}" d="${d}" fill="none" stroke="currentColor" stroke-width="2" ${extra}/>` : '';
}
