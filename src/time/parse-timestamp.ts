/**
 * Reads the timestamp at the START of a timeline entry (README "Timestamps"): full dates in every
 * form authors write, time-only entries, zones written next to the time, approximations
 * (`~`, `±`, `about`, `-ish`) and ranges (`14:00 – 16:00`). Never throws: a missing or
 * broken timestamp is a value with a reason.
 */
import { isAbbreviation, resolveAbbreviation } from './abbreviations.js';
import { resolveWall, type TimeNote, type ZoneSpec } from './resolve-wall.js';
import type { TimestampContext, TimestampInvalid, TimestampResult } from './timestamp-result.js';
import {
  nearestWeekday,
  readDate,
  readTime,
  readWeekday,
  readZone,
  nextDay,
  weekdayOf,
  yearAfter,
  type DateParts,
  type TimeParts,
  type WrittenDate,
  type WrittenZone,
} from './timestamp-parts.js';
import { fixedZoneName, normalizeZone } from './zones.js';

export type { DateParts, TimeParts } from './timestamp-parts.js';
export type { TimeNote, ZoneSpec } from './resolve-wall.js';

export type { TimestampContext, TimestampInvalid, TimestampOk, TimestampResult } from './timestamp-result.js';

const LEAD = /^(?:\s*(?:\*\*|__)?\s*(?:(at|about|around|approx\.?|approximately|circa|ca\.|maybe)\s+|(~|≈|±|\+\/-|\+-)\s*))/i;
const ISH = /^-?ish(?![a-z])/i;
const RANGE = /^\s*(?:–|—|-|to|until|till)\s*/i;
const DATE_TIME_SEP = /^(?:T|\s*[-–—,@]\s*|\s+at\s+|\s+)/i;
/** An approximation between a date and its time: `2018-11-12 ~23:30`, `November 12, 2018 ~ 11:30 PM`, `2018-11-12 about 23:30`. */
const MID_APPROX = /^(?:~|≈|(?:about|around|approx\.?|approximately|circa|ca\.)(?=\s))\s*/i;
const TRAIL = /^(?:\*\*|__)?\s*(?:[:—–|,.-](?!\d)\s*)?/;

interface Point {
  date: WrittenDate | null;
  time: TimeParts | null;
  zone: WrittenZone | null;
  /** `~`, `about`… written between the date and the time. */
  approximate?: boolean;
  /** A weekday written alone before the time (`Tue 08:00`), 0 = Sunday. */
  weekday?: number;
}

/** Reads the timestamp at the start of `text`. */
export function parseTimestamp(text: string, ctx: TimestampContext): TimestampResult {
  let pos = 0;
  let approximate = false;
  for (let m = LEAD.exec(text); m && m[0].length > 0; m = LEAD.exec(text.slice(pos))) {
    pos += m[0].length;
    if (m[2] || (m[1] && !/^at$/i.test(m[1]))) approximate = true;
  }
  pos += /^\s*(?:\*\*|__)?\s*/.exec(text.slice(pos))![0].length;
  const start = readPoint(text, pos);
  if (!start) return invalid(text, false, 'no timestamp at the start');
  pos = start.end;
  if (start.approximate) approximate = true;
  if (ISH.test(text.slice(pos))) {
    pos += ISH.exec(text.slice(pos))![0].length;
    approximate = true;
    const z = start.zone ? null : readZone(text.slice(pos), isAbbreviation, false);
    if (z) {
      start.zone = z.value;
      pos += z.length;
    }
  }
  let end: (Point & { end: number }) | null = null;
  const dash = start.time ? RANGE.exec(text.slice(pos)) : null;
  if (dash) {
    end = readPoint(text, pos + dash[0].length);
    if (end && !end.time) end = null;
    if (end) pos = end.end;
    if (end && ISH.test(text.slice(pos))) {
      pos += ISH.exec(text.slice(pos))![0].length;
      approximate = true;
    }
  }
  pos += TRAIL.exec(text.slice(pos))![0].length;
  return resolvePoints(text, pos, start, end, approximate, ctx);
}

function readPoint(text: string, from: number): (Point & { end: number }) | null {
  let pos = from;
  const d = readDate(text.slice(pos));
  let time: TimeParts | null = null;
  let approximate = false;
  if (d) {
    pos += d.length;
    const sep = DATE_TIME_SEP.exec(text.slice(pos));
    const mid = sep ? MID_APPROX.exec(text.slice(pos + sep[0].length)) : null;
    const skip = (sep?.[0].length ?? 0) + (mid?.[0].length ?? 0);
    const t = sep ? readTime(text.slice(pos + skip)) : null;
    if (sep && t) {
      time = t.value;
      pos += skip + t.length;
      approximate = mid !== null;
    }
  } else {
    const w = readWeekday(text.slice(pos));
    const t = readTime(text.slice(pos + (w?.length ?? 0)));
    if (!t) return null;
    time = t.value;
    pos += (w?.length ?? 0) + t.length;
    if (w) return withZone(text, pos, { date: null, time, zone: null, weekday: w.value });
  }
  return withZone(text, pos, { date: d?.value ?? null, time, zone: null, approximate });
}

/** A zone written after the point's time. */
function withZone(text: string, pos: number, p: Point): Point & { end: number } {
  if (p.time) {
    const z = readZone(text.slice(pos), isAbbreviation, p.date !== null);
    if (z) return { ...p, zone: z.value, end: pos + z.length };
  }
  return { ...p, end: pos };
}

function zoneSpec(w: WrittenZone | null, ctx: TimestampContext): ZoneSpec | string {
  if (!w) return { zone: ctx.zone, offset: null };
  if (w.kind === 'offset') return { zone: fixedZoneName(w.minutes), offset: w.minutes };
  if (w.kind === 'iana') {
    const z = normalizeZone(w.name);
    return z.ok ? { zone: z.zone, offset: null } : z.reason;
  }
  const a = resolveAbbreviation(w.abbreviation, ctx.zone);
  if (!a.ok) return a.reason;
  return a.offset === 0 ? { zone: 'UTC', offset: 0 } : { zone: a.zone, offset: a.offset, abbreviation: a.abbreviation };
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function fullDate(w: WrittenDate | null, ctx: TimestampContext, weekday?: number): { date: DateParts | null; rolled: boolean } | string {
  if (weekday !== undefined) {
    const around = ctx.after ?? ctx.date;
    if (!around) return `${DAY_NAMES[weekday]} needs a date to count from; add \`date:\` to the front-matter or a date heading`;
    return { date: nearestWeekday(weekday, around), rolled: false };
  }
  const r = writtenDate(w, ctx);
  // Checked when the year is written: a year pm inferred is a guess, not the author's word.
  if (typeof r !== 'string' && r.date && w?.weekday !== undefined && w.year !== null && weekdayOf(r.date) !== w.weekday) {
    const d = r.date;
    return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')} is a ${DAY_NAMES[weekdayOf(d)]}, not a ${DAY_NAMES[w.weekday]}; fix the weekday or the date`;
  }
  return r;
}

function writtenDate(w: WrittenDate | null, ctx: TimestampContext): { date: DateParts | null; rolled: boolean } | string {
  if (!w) return { date: ctx.date ?? null, rolled: false };
  if (w.year === null && ctx.after) {
    const y = yearAfter(w.month, w.day, ctx.after);
    return { date: { year: y.year, month: w.month, day: w.day }, rolled: y.rolled };
  }
  const year = w.year ?? ctx.year ?? ctx.date?.year ?? null;
  if (year === null) return `no year in the date and none known from the file; write the year`;
  return { date: { year, month: w.month, day: w.day }, rolled: false };
}

function resolvePoints(text: string, pos: number, start: Point, end: Point | null, approximate: boolean, ctx: TimestampContext): TimestampResult {
  const spec = zoneSpec(start.zone ?? end?.zone ?? null, ctx);
  if (typeof spec === 'string') return invalid(text, true, spec, pos);
  const full = fullDate(start.date, ctx, start.weekday);
  if (typeof full === 'string') return invalid(text, true, full, pos);
  const date = full.date;
  if (end?.time && start.time && end.time.meridiem && !start.time.meridiem && start.time.hour < 12) {
    const pm = { ...start.time, hour: start.time.hour + 12 };
    if (end.time.meridiem === 'pm' && pm.hour <= end.time.hour) start.time = pm;
  }
  const base = {
    ok: true as const,
    date,
    time: start.time,
    hasDate: start.date !== null || start.weekday !== undefined,
    yearInferred: start.date !== null && start.date.year === null,
    yearRolled: full.rolled,
    weekday: start.weekday !== undefined,
    zone: spec,
    approximate,
    length: pos,
    rest: text.slice(pos),
    notes: [] as TimeNote[],
  };
  if (!date) return { ...base, at: null, end: null };
  const r = resolveWall(date, start.time ?? { hour: 0, minute: 0, second: 0, millisecond: 0 }, spec, ctx.preferLater);
  if (!r.ok) return invalid(text, true, r.reason, pos);
  if (r.note) base.notes.push(r.note);
  if (!end?.time) return { ...base, at: r.ms, end: null };
  const endSpec = end.zone ? zoneSpec(end.zone, ctx) : spec;
  if (typeof endSpec === 'string') return invalid(text, true, endSpec, pos);
  const endFull = end.date ? fullDate(end.date, { ...ctx, year: date.year, after: null }) : null;
  const endDate = endFull === null ? date : typeof endFull === 'string' ? endFull : endFull.date;
  if (typeof endDate === 'string' || !endDate) return invalid(text, true, 'cannot read the end of the range', pos);
  let e = resolveWall(endDate, end.time, endSpec, ctx.preferLater);
  if (e.ok && e.ms < r.ms && !end.date) e = resolveWall(nextDay(endDate), end.time, endSpec, ctx.preferLater);
  if (!e.ok) return invalid(text, true, `end of range: ${e.reason}`, pos);
  if (e.note) base.notes.push(e.note);
  return { ...base, at: r.ms, end: e.ms };
}

function invalid(text: string, found: boolean, reason: string, length = 0): TimestampInvalid {
  return { ok: false, found, reason, length, rest: text.slice(length) };
}
