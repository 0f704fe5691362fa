/**
 * What the text, markdown and HTML renderers share: the columns of a timeline row,
 * computed from the published JSON only (attacker-controlled text cleaned by text/controls.ts).
 */
import { formatDelta, formatOffset, type DurationStyle } from './duration.js';
import { formatLocal, formatUtc, isoToMs } from '../time/format.js';
import type { TimelineEventJson, TimelineJson } from './types.js';
import { displayText } from '../text/controls.js';

export interface RenderOptions {
  /** Offsets as `T+5h20m` (default) or `T+5 hours 20 minutes`. */
  format?: DurationStyle;
}

export interface RowCells {
  local: string;
  utc: string;
  offset: string;
  delta: string;
  /** `★ detected`, `~` (approximate), `internal`, `×47`, `derived` (relative or weekday entry), joined by spaces. */
  marks: string;
  text: string;
  source: string;
}

/** The cells of one event. */
export function rowCells(e: TimelineEventJson, json: TimelineJson, opts: RenderOptions = {}): RowCells {
  const style = opts.format ?? 'compact';
  const ms = isoToMs(e.at);
  const precision = /:\d{2}(\.\d{4,})\s/.exec(e.local)?.[1];
  const endMs = e.end === null ? null : isoToMs(e.end);
  const zone = json.incident.display_timezone;
  const endText = endMs === null ? '' : ` – ${formatLocal(endMs, zone).replace(/^\d{4}-\d{2}-\d{2} /, '')}`;
  const marks: string[] = [];
  if (e.milestone) marks.push(`★ ${e.milestone}`);
  if (e.approximate) marks.push('~');
  if (e.count !== undefined && e.count > 1) marks.push(`×${e.count}`);
  if (e.internal) marks.push('internal');
  if (e.derived) marks.push('derived');
  return {
    local: e.local + endText,
    utc: e.date_only ? '' : Number.isNaN(ms) ? e.at : formatUtc(ms, precision),
    offset: e.offset_s === null ? '' : formatOffset(e.offset_s, style),
    delta: e.delta_s === null ? '' : formatDelta(e.delta_s, style),
    marks: marks.join(' '),
    text: displayText(e.text),
    source: displayText(e.source.label ?? `${e.source.file}:${e.source.line}`),
  };
}

/** True when T0 is the instant of an approximate entry of the published events (`~03:25 [T0]`). */
export function t0IsApproximate(json: TimelineJson): boolean {
  const at = json.incident.t0;
  const events = json.events.filter((e) => e.at === at);
  return (events.find((e) => e.milestone === 't0') ?? events[0])?.approximate ?? false;
}

export const HEADERS: Record<keyof RowCells, string> = {
  local: 'Local',
  utc: 'UTC',
  offset: 'T±',
  delta: 'Δ',
  marks: '',
  text: 'Event',
  source: 'Source',
};
