/**
 * The data behind both drawings of the time axis: events as instants (from the
 * published JSON), milestone names, offset and gap labels, and the text a screen
 * reader hears instead of the drawing.
 */
import { displayText } from '../../text/controls.js';
import { formatOffset } from '../../timeline/duration.js';
import type { Milestone, TimelineJson } from '../../timeline/types.js';
import { isoToMs } from '../../time/format.js';
import type { AxisScale } from './layout.js';
import { humanDuration } from '../format.js';

export interface AxisEvent {
  start: number;
  end: number | null;
  milestone: Milestone | null;
  /** `T+5h20m` (compact, from T0). */
  offset: string;
  /** Tooltip: local time, offset and the event text. */
  tip: string;
}

export interface AxisModel {
  title: string;
  events: AxisEvent[];
  t0: number | null;
}

export const MILESTONE_LABEL: Record<Milestone, string> = {
  t0: 'T0',
  detected: 'detected',
  acknowledged: 'acknowledged',
  mitigated: 'mitigated',
  resolved: 'resolved',
};

export function axisModel(json: TimelineJson): AxisModel {
  const t0 = json.incident.t0 === null ? null : isoToMs(json.incident.t0);
  const events = json.events
    .map((e): AxisEvent => {
      const start = isoToMs(e.at);
      const text = displayText(e.text).replace(/\s+/g, ' ').trim();
      const short = text.length > 140 ? `${text.slice(0, 139)}…` : text;
      return {
        start,
        end: e.end === null ? null : isoToMs(e.end),
        milestone: e.milestone,
        offset: e.offset ?? '',
        tip: `${e.local}${e.offset ? ` (${e.offset})` : ''}: ${short}`,
      };
    })
    .filter((e) => Number.isFinite(e.start));
  return { title: json.incident.title, events, t0 };
}

/** `T-2d7h` for any instant (ends of ranges have no offset of their own). */
export function offsetAt(model: AxisModel, ms: number): string {
  return model.t0 === null ? '' : formatOffset(Math.round((ms - model.t0) / 1000));
}

export function gapLabel(ms: number): string {
  return humanDuration(ms / 1000) ?? '';
}

/** What a screen reader hears instead of the drawing. */
export function axisDescription(model: AxisModel, scale: AxisScale): string {
  const first = model.events[0];
  const last = model.events[model.events.length - 1];
  if (!first || !last) return 'No events.';
  const parts = [
    `Time axis of ${model.events.length} event${model.events.length === 1 ? '' : 's'}, from ${first.offset || 'the first'} to ${last.offset || 'the last'}.`,
  ];
  const ms = model.events.filter((e) => e.milestone);
  if (ms.length) parts.push(`Milestones: ${ms.map((e) => `${MILESTONE_LABEL[e.milestone as Milestone]} at ${e.offset}`).join(', ')}.`);
  if (scale.breaks.length) {
    parts.push(`Quiet gaps cut short: ${scale.breaks.map((b) => `${gapLabel(b.ms)} from ${offsetAt(model, b.from)} to ${offsetAt(model, b.to)}`).join('; ')}.`);
  }
  return parts.join(' ');
}

export const spansOf = (model: AxisModel): Array<{ start: number; end: number | null }> => model.events.map((e) => ({ start: e.start, end: e.end }));

/** Below the line: the offset at each edge of a drawn stretch, and the length of each cut gap. */
export interface EdgeLabel {
  pos: number;
  text: string;
  kind: 'tick' | 'gap';
  /** Ticks point away from the breaks beside them. */
  align: 'start' | 'middle' | 'end';
}

export function belowLabels(model: AxisModel, scale: AxisScale): EdgeLabel[] {
  const list: EdgeLabel[] = [];
  scale.segments.forEach((s, i) => {
    const point = s.to === s.from;
    list.push({ pos: scale.at(s.from), text: offsetAt(model, s.from), kind: 'tick', align: point ? 'middle' : 'start' });
    if (!point) list.push({ pos: scale.at(s.to), text: offsetAt(model, s.to), kind: 'tick', align: 'end' });
    const b = scale.breaks[i];
    if (b) list.push({ pos: (b.p0 + b.p1) / 2, text: gapLabel(b.ms), kind: 'gap', align: 'middle' });
  });
  return list.filter((l) => l.text !== '');
}
