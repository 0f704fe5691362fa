/** What parse-timestamp.ts reads a timestamp with (the context) and what it gives back. */
import type { TimeNote, ZoneSpec } from './resolve-wall.js';
import type { DateParts, TimeParts } from './timestamp-parts.js';

export interface TimestampContext {
  /** Canonical zone for timestamps that carry none (entry → source → file → site). */
  zone: string;
  /** Date for time-only entries; also gives the year of dates written without one. */
  date?: DateParts | null;
  /** Year for dates written without one (`Jan  7`, `21 September`); default `date.year`. */
  year?: number | null;
  /**
   * The current date of the text being read (a date heading, the entry before). When set,
   * it gives the year of dates written without one instead of `year`: its year, or the
   * next one for a date more than half a year before it (see {@link yearAfter}).
   */
  after?: DateParts | null;
  /** In a DST overlap take the later instant. */
  preferLater?: boolean;
}

export interface TimestampOk {
  ok: true;
  /** Instant, epoch ms; null for a time-only entry when the context has no date. */
  at: number | null;
  /** End of a range, epoch ms, or null. */
  end: number | null;
  /** Calendar date used (written, or from the context), null when unknown. */
  date: DateParts | null;
  /** Time of day as written; null for a date alone (`2017-01-31`, `January 31`). */
  time: TimeParts | null;
  /** The date was written (not taken from the context). */
  hasDate: boolean;
  /** The year was not written and came from the context. */
  yearInferred: boolean;
  /** The year was not written and is the one after `ctx.after`'s (the date wrapped past New Year). */
  yearRolled: boolean;
  /** The date is the one nearest the context date with the weekday written (`Tue 08:00`). */
  weekday: boolean;
  zone: ZoneSpec;
  approximate: boolean;
  /** Characters consumed, including the separator after the timestamp. */
  length: number;
  /** The text after the timestamp and its separator. */
  rest: string;
  notes: TimeNote[];
}

export interface TimestampInvalid {
  ok: false;
  /** True when something timestamp-like was there but could not be read. */
  found: boolean;
  reason: string;
  length: number;
  rest: string;
}

export type TimestampResult = TimestampOk | TimestampInvalid;
