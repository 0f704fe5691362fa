/**
 * The normalized timeline: the data model shared by the timeline engine, the log
 * sources, the renderers and the published JSON (DESIGN §5).
 */
import type { Diagnostic } from '../diagnostics.js';

export type Milestone = 't0' | 'detected' | 'acknowledged' | 'mitigated' | 'resolved';

/** Where an event came from. `file` is relative to the site root (POSIX). */
export interface EventSource {
  file: string;
  line: number;
  column?: number;
  /** Human name of a log source (`label:` in front-matter), if any. */
  label?: string;
}

/**
 * One event on the UTC axis, before offsets are computed. Produced by the
 * hand-written timeline reader and by every log source.
 */
export interface TimelineEvent {
  /** UTC instant, epoch milliseconds (may carry a fraction for µs precision). */
  at: number;
  /** End of a range, epoch ms, or null. */
  end: number | null;
  /** Zone the timestamp was written in (canonical IANA name, `UTC` or `UTC+2`). */
  zone: string;
  approximate: boolean;
  /** Plain text of the event (markdown stripped / raw log text). */
  text: string;
  /** Safe HTML: sanitized markdown for hand-written entries, escaped text for logs. */
  html: string;
  milestone: Milestone | null;
  internal: boolean;
  source: EventSource;
  /** Number of log lines folded into this event by `group:`; absent = 1. */
  count?: number;
  /** Sub-millisecond digits as written (e.g. `.123456`), kept for display. */
  precision?: string;
  /** Offsets the author wrote next to the timestamp, e.g. `(T-3days, +1h40m)`. */
  written?: WrittenOffsets;
  /** `[T0]` was written on this entry (its milestone may be another one, e.g. `detected`). */
  isT0?: boolean;
  /** The instant was not written but derived: a relative entry (`T+2h`, `+40m`) or a weekday (`Tue 08:00`). */
  derived?: boolean;
  /** Written as a date without a time (`2007-01-17 files dropped`): shown as the date alone. */
  dateOnly?: boolean;
  /** A relative entry before compute.ts resolves it (`at` is not meaningful until then). */
  relative?: { base: 't0' | 'previous'; seconds: number; written: string };
}

/** Offsets written by the author, in seconds with the precision of what was written. */
export interface WrittenOffsets {
  /** Raw text, e.g. `T+11hours40minutes`. */
  raw: string;
  offset?: { seconds: number; precision: number };
  delta?: { seconds: number; precision: number };
  place?: { line: number; column: number };
}

export interface TimelineMetrics {
  time_to_detect_s: number | null;
  time_to_acknowledge_s: number | null;
  time_to_mitigate_s: number | null;
  time_to_resolve_s: number | null;
}

/** One event as published (DESIGN §5). */
export interface TimelineEventJson {
  at: string;
  local: string;
  zone: string;
  end: string | null;
  approximate: boolean;
  offset_s: number | null;
  offset: string | null;
  delta_s: number | null;
  delta: string | null;
  text: string;
  html: string;
  milestone: Milestone | null;
  source: { file: string; line: number; label?: string };
  count?: number;
  internal?: boolean;
  /** True when the instant was derived (relative entry, weekday), not written. */
  derived?: boolean;
  /** True for an entry written as a date alone: `local` is that date, without a time. */
  date_only?: boolean;
}

/** A note of the Timeline section: after the event at index `after` of `events` (null: before them). */
export interface TimelineNoteJson {
  after: number | null;
  text: string;
  /** Sanitized HTML, as on the page. */
  html: string;
}

export interface TimelineJson {
  schema: 'pm.timeline/1';
  incident: {
    slug: string;
    title: string;
    t0: string | null;
    timezone: string;
    display_timezone: string;
    tags: string[];
    severity: string | null;
    status: string | null;
  };
  metrics: TimelineMetrics;
  events: TimelineEventJson[];
  /** What the Timeline section says besides its entries, in order (see notes.ts); absent when the caller had no document. */
  notes?: TimelineNoteJson[];
  diagnostics: Array<Pick<Diagnostic, 'level' | 'file' | 'line' | 'column' | 'message'> & { rule: string }>;
}

/** A computed timeline: events sorted by instant with offsets from T0. */
export interface Timeline {
  /** T0 instant, epoch ms, or null when there is no event and no `t0`. */
  t0: number | null;
  /** Where T0 came from. */
  t0Source: 'front-matter' | 'marker' | 'milestone' | 'first-event' | 'none';
  /** True when T0 is the instant of an approximate entry (`~03:25`): shown with its `~`. */
  t0Approximate?: boolean;
  displayZone: string;
  events: ComputedEvent[];
  metrics: TimelineMetrics;
  diagnostics: Diagnostic[];
}

export interface ComputedEvent extends TimelineEvent {
  /** Seconds from T0 (signed), null when there is no T0. */
  offsetS: number | null;
  /** Seconds since the previous event, null for the first. */
  deltaS: number | null;
}
