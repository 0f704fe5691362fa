/**
 * The date of a time-only entry that follows another entry (README "Dates of time-only entries").
 *
 * The entry before is seen on the wall clock of the new entry's zone: `8:41 PM CDT`
 * is 01:41 the next day for a `02:55 UTC` entry. The new entry takes that day, or the
 * day the entry before was written on (in its own zone) when that one is later — so
 * `21 September 6:30 UTC` then `9:37AM PDT` stays on 21 September. Only when the time
 * still goes backwards on the wall clock does the entry roll to the next day.
 *
 * Wall clocks, not instants, decide: `02:30` in a spring-forward gap is taken as
 * 03:30 daylight time, yet `03:10` written after it is still later on the author's
 * clock. In a DST overlap, a repeated time that would go backwards is first read as
 * its second occurrence before any roll-over.
 *
 * A time that still goes backwards rolls to the next day only when that is the smaller
 * jump (`23:30` then `00:15`); otherwise it keeps its day and is out of order (AWS's S3
 * report mentions `11:37AM PST` after `1:54PM PST`). Either way a warning names both
 * readings and how to pin the date.
 */
import { parseTimestamp, type DateParts, type TimeParts, type TimestampContext, type TimestampOk, type ZoneSpec } from '../time/parse-timestamp.js';
import type { RuleAt } from '../diagnostics.js';
import { nextDay } from '../time/timestamp-parts.js';
import { formatDelta } from './duration.js';
import { zoneOffset } from '../time/zones.js';

/** What a time-only entry needs to know about the entry before it. */
export interface PrevEntry {
  /** Instant, epoch ms. */
  at: number;
  /** Wall-clock time as written: its date and time read as if they were UTC, ms. */
  wall: number;
  /** Zone it was read in. */
  spec: ZoneSpec;
  /** Its calendar date in that zone. */
  date: DateParts;
}

const MIDNIGHT: TimeParts = { hour: 0, minute: 0, second: 0, millisecond: 0 };

/** Date and time of day read as if they were UTC (exact for years 0–99 too). */
export function wallKey(date: DateParts, time: TimeParts | null): number {
  const t = time ?? MIDNIGHT;
  const d = new Date(Date.UTC(2000, date.month - 1, date.day, t.hour, t.minute, t.second, Math.floor(t.millisecond)));
  d.setUTCFullYear(date.year);
  return d.getTime();
}

/** The entry just read, as the entry before of the next one; null without an instant. */
export function prevEntry(r: TimestampOk): PrevEntry | null {
  if (r.at === null || r.date === null) return null;
  return { at: r.at, wall: wallKey(r.date, r.time), spec: r.zone, date: r.date };
}

/** The entry before on the wall clock of `spec`: as written when it was read in the same zone. */
function wallIn(prev: PrevEntry, spec: ZoneSpec): number {
  if (prev.spec.zone === spec.zone && prev.spec.offset === spec.offset) return prev.wall;
  const offset = spec.offset ?? zoneOffset(spec.zone, Math.floor(prev.at));
  return prev.at + offset * 60_000;
}

function dayOf(wall: number): DateParts {
  const d = new Date(Math.floor(wall));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function reparse(text: string, ctx: TimestampContext): TimestampOk | null {
  const r = parseTimestamp(text, ctx);
  return r.ok && r.at !== null ? r : null;
}

export interface Placed {
  r: TimestampOk;
  /** True when the entry went backwards and was moved to the next day. */
  rolled: boolean;
  /** The warning when the entry went backwards: `timeline/rollover` or `timeline/out-of-order`. */
  note?: { rule: RuleAt<'warning'>; message: string };
}

/** Places a time-only entry `r` (read with `ctx`) after `prev`. */
export function placeAfter(text: string, ctx: TimestampContext, r: TimestampOk, prev: PrevEntry): Placed {
  const prevWall = wallIn(prev, r.zone);
  const seen = dayOf(prevWall);
  const days = [seen, prev.date].sort((a, b) => wallKey(a, null) - wallKey(b, null));
  for (const date of days) {
    if (wallKey(date, r.time) < prevWall) continue;
    return { r: reparse(text, { ...ctx, date }) ?? r, rolled: false };
  }
  const later = reparse(text, { ...ctx, date: seen, preferLater: true });
  if (later && later.notes.some((n) => n.kind === 'overlap') && later.at! >= prev.at) return { r: later, rolled: false };
  const day = days[days.length - 1] ?? seen;
  const kept = reparse(text, { ...ctx, date: day }) ?? r;
  const rolled = reparse(text, { ...ctx, date: nextDay(day) });
  if (!rolled || kept.at === null) return { r: kept, rolled: false };
  const back = prev.at - kept.at;
  const ahead = rolled.at! - prev.at;
  const stamp = text
    .slice(0, r.length)
    .trim()
    .replace(/\s*[:—–|,.-]$/, '');
  const pin = `write the date to pin it (\`${fmtDate(kept.date)} ${stamp}\` or \`${fmtDate(rolled.date)} ${stamp}\`)`;
  const nextReading = `${fmtDate(rolled.date)} (${span(ahead)} after it)`;
  const same = `${fmtDate(kept.date)} (${span(back)} before it)`;
  if (ahead < back) {
    return {
      r: rolled,
      rolled: true,
      note: { rule: 'timeline/rollover', message: `${stamp} is earlier than the entry before; read as the next day, ${nextReading}, not ${same}; ${pin}` },
    };
  }
  return {
    r: kept,
    rolled: false,
    note: {
      rule: 'timeline/out-of-order',
      message: `${stamp} is earlier than the entry before; kept on ${same}, out of order, not the next day, ${nextReading}; ${pin}`,
    },
  };
}

function span(ms: number): string {
  return formatDelta(Math.round(ms / 1000)).slice(1);
}

function fmtDate(d: DateParts | null): string {
  return d ? `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` : '?';
}
