/**
 * The published timeline (DESIGN §5): the exact JSON `pm timeline --json` prints and
 * the site writes to `incidents/<slug>/timeline.json`. Keys in a fixed order, times
 * formatted without the machine's zone or locale. A grouped log event's text ends with
 * its span in the display zone (`47× Failed password … · 23:23:17–23:31:02 CET`).
 */
import type { Diagnostic } from '../diagnostics.js';
import { iso } from '../time/instant.js';
import { formatLocal, formatSpan } from '../time/format.js';
import { formatDelta, formatOffset } from './duration.js';
import { escapeHtml } from './render-html.js';
import { notesJson, type TimelineNotes } from './notes.js';
import type { ComputedEvent, Timeline, TimelineEventJson, TimelineJson } from './types.js';

export interface TimelineJsonOptions {
  /** Leave out `[internal]` events (and the `internal` flag). */
  public?: boolean;
  /** The post's Timeline notes and file: published as `notes` (notes.ts). */
  notes?: { notes: TimelineNotes | undefined; file: string };
}

/** Builds the §5 JSON for a computed timeline. */
export function timelineToJson(tl: Timeline, incident: TimelineJson['incident'], opts: TimelineJsonOptions = {}): TimelineJson {
  const events = opts.public ? tl.events.filter((e) => !e.internal) : tl.events;
  const json: TimelineJson = {
    schema: 'pm.timeline/1',
    incident: {
      slug: incident.slug,
      title: incident.title,
      t0: tl.t0 !== null ? iso(tl.t0) : incident.t0,
      timezone: incident.timezone,
      display_timezone: incident.display_timezone,
      tags: [...incident.tags],
      severity: incident.severity,
      status: incident.status,
    },
    metrics: {
      time_to_detect_s: tl.metrics.time_to_detect_s,
      time_to_acknowledge_s: tl.metrics.time_to_acknowledge_s,
      time_to_mitigate_s: tl.metrics.time_to_mitigate_s,
      time_to_resolve_s: tl.metrics.time_to_resolve_s,
    },
    events: events.map((e, i) => eventJson(e, tl.displayZone, opts.public ? deltaFrom(e, events[i - 1]) : e.deltaS, opts)),
    diagnostics: tl.diagnostics.map(diagnosticJson),
  };
  if (!opts.notes) return json;
  const notes = notesJson(opts.notes.notes, json, opts.notes.file).map(({ after, text, html }) => ({ after, text, html }));
  const { diagnostics, ...rest } = json;
  return { ...rest, notes, diagnostics };
}

function deltaFrom(e: ComputedEvent, prev: ComputedEvent | undefined): number | null {
  return prev ? Number(((e.at - prev.at) / 1000).toFixed(6)) + 0 : null;
}

function eventJson(e: ComputedEvent, displayZone: string, deltaS: number | null, opts: TimelineJsonOptions): TimelineEventJson {
  const source: TimelineEventJson['source'] = { file: e.source.file, line: e.source.line };
  if (e.source.label !== undefined) source.label = e.source.label;
  const grouped = e.count !== undefined && e.count > 1 && e.end !== null && e.end > e.at;
  const span = grouped ? ` · ${formatSpan(e.at, e.end!, displayZone)}` : '';
  const out: TimelineEventJson = {
    at: iso(e.at),
    // A date written alone is shown as that date (in the zone it was written in), never as midnight.
    local: e.dateOnly ? formatLocal(e.at, e.zone).slice(0, formatLocal(e.at, e.zone).indexOf(' ')) : formatLocal(e.at, displayZone, e.precision),
    zone: e.zone,
    end: e.end === null ? null : iso(e.end),
    approximate: e.approximate,
    offset_s: e.offsetS,
    offset: e.offsetS === null ? null : formatOffset(e.offsetS),
    delta_s: deltaS,
    delta: deltaS === null ? null : formatDelta(deltaS),
    text: e.text + span,
    html: e.html + escapeHtml(span),
    milestone: e.milestone,
    source,
  };
  if (e.count !== undefined && e.count > 1) out.count = e.count;
  if (e.internal && !opts.public) out.internal = true;
  if (e.derived) out.derived = true;
  if (e.dateOnly) out.date_only = true;
  return out;
}

function diagnosticJson(d: Diagnostic): TimelineJson['diagnostics'][number] {
  return { level: d.level, file: d.file, line: d.line, column: d.column, rule: d.rule, message: d.message };
}
