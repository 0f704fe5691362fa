/**
 * Relative timeline entries, for narratives written without clock times (README "Relative and weekday entries"):
 * `T+2h machine rebooted` and `T-3d abuse report` are offsets from T0; `+40m swap nearly
 * full` is a delta from the entry before it. They are read here; their instants are
 * resolved by {@link resolveRelative} once T0 is known (compute.ts), and they are
 * flagged `derived`.
 */
import type { Reporter } from '../diagnostics.js';
import type { TimestampOk } from '../time/parse-timestamp.js';
import { parseOffset } from './duration.js';
import type { TimelineEvent } from './types.js';

export interface RelativeStamp {
  base: 't0' | 'previous';
  seconds: number;
  /** As written, e.g. `T+2h`. */
  written: string;
  /** Characters consumed, separator included. */
  length: number;
}

const UNIT = '(?:w|wks?|weeks?|d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)';
const RELATIVE = new RegExp(
  `^\\s*(?:\\*\\*|__)?\\s*((T\\s*)?[+\\-−]\\s*(?:\\d+(?:\\.\\d+)?\\s*${UNIT}(?![a-z])\\s*)+)(?:\\*\\*|__)?\\s*(?:[:—–|,.-](?!\\d)\\s*)?`,
  'i',
);

/** The relative stamp at the start of an entry's text, or null. A delta must have a unit: `+40m`. */
export function readRelative(text: string): RelativeStamp | null {
  const m = RELATIVE.exec(text);
  if (!m) return null;
  const written = m[1]!.trim();
  const d = parseOffset(written.replace(/−/g, '-'));
  if (!d) return null;
  return { base: m[2] ? 't0' : 'previous', seconds: d.seconds, written: written.replace(/\s+/g, ''), length: m[0].length };
}

/**
 * A relative entry read as a timestamp whose instant is not known yet (NaN until
 * resolveRelative), and the relative stamp to resolve it with.
 */
export function relativeTimestamp(text: string, zone: string): { r: TimestampOk; relative: NonNullable<TimelineEvent['relative']> } | null {
  const rel = readRelative(text);
  if (!rel) return null;
  const r: TimestampOk = {
    ok: true,
    at: Number.NaN,
    end: null,
    date: null,
    time: { hour: 0, minute: 0, second: 0, millisecond: 0 },
    hasDate: false,
    yearInferred: false,
    yearRolled: false,
    weekday: false,
    zone: { zone, offset: null },
    approximate: false,
    length: rel.length,
    rest: text.slice(rel.length),
    notes: [],
  };
  return { r, relative: { base: rel.base, seconds: rel.seconds, written: rel.written } };
}

/**
 * Gives relative entries their instants, in document order: a `T±` entry from T0, a
 * `+40m` entry from the entry before it in the same file (itself perhaps relative). An
 * entry that cannot be placed (no T0, no entry before) is an error and is left out.
 */
export function resolveRelative(events: readonly TimelineEvent[], t0: number | null, reporter: Reporter): TimelineEvent[] {
  if (!events.some((e) => e.relative)) return [...events];
  const out: TimelineEvent[] = [];
  const lastByFile = new Map<string, TimelineEvent>();
  for (const e of events) {
    const rel = e.relative;
    if (!rel) {
      out.push(e);
      lastByFile.set(e.source.file, e);
      continue;
    }
    const base = rel.base === 't0' ? t0 : (lastByFile.get(e.source.file)?.at ?? null);
    const place = { line: e.source.line, column: e.source.column ?? 1 };
    if (base === null) {
      reporter.error(
        'timeline/relative',
        rel.base === 't0'
          ? `${rel.written} is counted from T0, and there is none: add \`t0:\` to the front-matter or a dated entry marked [T0]`
          : `${rel.written} is counted from the entry before, and there is none: start the timeline with a dated entry`,
        place,
      );
      continue;
    }
    const resolved: TimelineEvent = { ...e, at: base + rel.seconds * 1000 };
    const from = rel.base === 't0' ? 'T0' : `the entry before (line ${lastByFile.get(e.source.file)?.source.line ?? '?'})`;
    reporter.info('timeline/relative', `${rel.written} is counted from ${from}: ${new Date(Math.floor(resolved.at)).toISOString()}`, place);
    out.push(resolved);
    lastByFile.set(e.source.file, resolved);
  }
  return out;
}
