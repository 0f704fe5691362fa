/**
 * A stacked bar chart drawn at build time: one bar per period (month or quarter), one
 * segment per severity level, most severe at the bottom. Colours come from the theme's
 * CSS (classes `ins-sev-*`) with printable fallbacks; every label is escaped.
 */
import { escapeHtml as esc } from '../../text/escape.js';
import type { PeriodCount } from '../compute.js';
import { LEVELS } from '../severity.js';
import { fmt, niceTicks, px } from './scale.js';

const W = 960;
const H = 280;
const M = { top: 12, right: 8, bottom: 44, left: 40 };
const FALLBACK: Record<string, string> = { 'sev-1': '#b3261e', 'sev-2': '#ad4f00', 'sev-3': '#8a6d00', 'sev-4': '#3d6b4f', 'sev-unknown': '#8a8f99' };

export function stackedBars(rows: readonly PeriodCount[], kind: 'month' | 'quarter', label: string): string {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const ticks = niceTicks(max, 4, true);
  const top = ticks[ticks.length - 1]!;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const y = (v: number): number => M.top + plotH - (v / top) * plotH;
  const slot = plotW / Math.max(1, rows.length);
  const barW = Math.max(1, slot * (kind === 'month' ? 0.78 : 0.7));
  const out: string[] = [];
  for (const t of ticks) {
    out.push(`<line class="ins-grid" x1="${M.left}" x2="${W - M.right}" y1="${px(y(t))}" y2="${px(y(t))}" stroke="currentColor" stroke-opacity=".15"/>`);
    out.push(`<text class="ins-tick" x="${M.left - 6}" y="${px(y(t) + 4)}" text-anchor="end">${fmt(t)}</text>`);
  }
  rows.forEach((r, i) => {
    const x = M.left + i * slot + (slot - barW) / 2;
    let base = 0;
    const parts: string[] = [];
    for (const level of LEVELS) {
      const n = r.by_severity[level.key];
      if (!n) continue;
      parts.push(
        `<rect class="ins-${level.key}" x="${px(x)}" y="${px(y(base + n))}" width="${px(barW)}" height="${px(y(base) - y(base + n))}" fill="${FALLBACK[level.key]}"/>`,
      );
      base += n;
    }
    if (parts.length) out.push(`<g><title>${esc(`${r.period}: ${r.count} incident${r.count === 1 ? '' : 's'}`)}</title>${parts.join('')}</g>`);
    const xl = x + barW / 2;
    const text = periodLabel(r.period, kind, i, rows.length);
    if (text)
      out.push(
        `<text class="ins-tick" x="${px(xl)}" y="${H - M.bottom + 16}" text-anchor="middle">${esc(text.top)}</text>` +
          (text.bottom ? `<text class="ins-tick ins-year" x="${px(xl)}" y="${H - M.bottom + 32}" text-anchor="middle">${esc(text.bottom)}</text>` : ''),
      );
  });
  out.push(`<line class="ins-axis" x1="${M.left}" x2="${W - M.right}" y1="${px(y(0))}" y2="${px(y(0))}" stroke="currentColor" stroke-opacity=".6"/>`);
  return `<svg class="ins-chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg" font-size="12" fill="currentColor">\n${out.join('\n')}\n</svg>`;
}

/** Months: the year under each January (and the first bar), month initials when there is room. Quarters: Q1…Q4 and the year under Q1. */
function periodLabel(period: string, kind: 'month' | 'quarter', i: number, n: number): { top: string; bottom: string } | null {
  const year = period.slice(0, 4);
  if (kind === 'quarter') {
    const q = period.slice(5);
    if (n > 40 && q !== 'Q1') return null;
    return { top: q, bottom: q === 'Q1' || i === 0 ? year : '' };
  }
  const m = Number(period.slice(5, 7));
  const first = m === 1 || i === 0;
  if (n <= 36) return { top: 'JFMAMJJASOND'[m - 1]!, bottom: first ? year : '' };
  return first ? { top: year, bottom: '' } : null;
}
