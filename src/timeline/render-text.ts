/**
 * Timelines for a terminal (aligned columns) and as a markdown table. Pure functions of
 * the published JSON; event text is cleaned of escapes and control characters, since
 * log text is attacker-controlled.
 */
import { formatOffset } from './duration.js';
import { fitText, MIN_TEXT_COLUMNS } from './fit.js';
import { HEADERS, rowCells, t0IsApproximate, type RenderOptions, type RowCells } from './render-common.js';
import type { TimelineJson } from './types.js';
import { escapeMarkdown } from '../text/escape.js';

const COLUMNS: Array<keyof RowCells> = ['local', 'utc', 'offset', 'delta', 'marks', 'text'];

export interface TextOptions extends RenderOptions {
  /** Terminal width: event text wraps to it (fit.ts). Absent when piped: full text, one line per event. */
  width?: number;
}

/** An aligned plain-text table: local, UTC, T±, Δ, marks, text (one line per event unless `width`). */
export function renderTimelineText(json: TimelineJson, opts: TextOptions = {}): string {
  const rows = json.events.map((e) => rowCells(e, json, opts));
  const table = [HEADERS, ...rows].map((r) => COLUMNS.map((c) => (c === 'text' ? oneLine(r[c]) : r[c])));
  const widths = COLUMNS.map((_, i) => Math.max(...table.map((r) => [...(r[i] ?? '')].length)));
  const indent = widths.slice(0, -1).reduce((n, w) => n + w + 2, 0);
  const lines = table.map((r, row) =>
    r
      .map((cell, i) =>
        i < r.length - 1 ? cell + ' '.repeat((widths[i] ?? 0) - [...cell].length) : opts.width && row > 0 ? fitText(cell, indent, opts.width) : cell,
      )
      .join('  ')
      .trimEnd(),
  );
  const rule = opts.width ? widths.map((w, i) => (i === widths.length - 1 ? Math.min(w, Math.max(opts.width! - indent, MIN_TEXT_COLUMNS)) : w)) : widths;
  lines.splice(
    1,
    0,
    rule
      .map((w) => '─'.repeat(w))
      .join('  ')
      .trimEnd(),
  );
  const t0 = json.incident.t0 ? `T0 ${t0IsApproximate(json) ? '~' : ''}${json.incident.t0}` : 'no T0';
  const m = json.metrics;
  const metric = (label: string, v: number | null): string => `${label} ${v === null ? '—' : formatOffset(v, opts.format ?? 'compact')}`;
  const footer = [
    t0,
    metric('detect', m.time_to_detect_s),
    metric('acknowledge', m.time_to_acknowledge_s),
    metric('mitigate', m.time_to_mitigate_s),
    metric('resolve', m.time_to_resolve_s),
  ];
  return `${lines.join('\n')}\n\n${footer.join(' · ')}\n`;
}

/** A GFM table with the same columns plus the source. */
export function renderTimelineMarkdown(json: TimelineJson, opts: RenderOptions = {}): string {
  const cols: Array<keyof RowCells> = [...COLUMNS, 'source'];
  const head = `| ${cols.map((c) => HEADERS[c] || 'Marks').join(' | ')} |`;
  const rule = `|${cols.map(() => '---').join('|')}|`;
  const body = json.events.map((e) => {
    const r = rowCells(e, json, opts);
    return `| ${cols.map((c) => escapeMarkdown(oneLine(r[c]))).join(' | ')} |`;
  });
  return `${[head, rule, ...body].join('\n')}\n`;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ⏎ ').replace(/\t/g, ' ');
}
