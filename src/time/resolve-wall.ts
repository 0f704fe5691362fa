/**
 * A written date + time + zone → a UTC instant. A zone written as an offset or an
 * abbreviation is a fixed offset (taken as written, with a note when the zone's own
 * rules disagree); otherwise the zone's rules apply, with DST gaps and overlaps
 * reported by {@link resolveLocal}.
 */
import { DateTime } from 'luxon';
import { resolveLocal } from './instant.js';
import type { DateParts, TimeParts } from './timestamp-parts.js';
import { daysInMonth } from './timestamp-parts.js';
import { fixedZoneName, luxonZone, zoneOffset } from './zones.js';

/** The zone a timestamp is read in. */
export interface ZoneSpec {
  /** Canonical zone (IANA, `UTC`, `UTC+2`). */
  zone: string;
  /** Fixed offset in minutes when the author wrote one (offset or abbreviation), else null. */
  offset: number | null;
  /** The abbreviation as written, when there was one. */
  abbreviation?: string;
}

export interface TimeNote {
  kind: 'gap' | 'overlap' | 'abbreviation';
  message: string;
}

export type WallResolution = { ok: true; ms: number; note?: TimeNote } | { ok: false; reason: string };

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Checks that a calendar date exists (`Feb 29` only in leap years, never rolled to March 1). */
export function checkDate(d: DateParts): string | null {
  if (d.month < 1 || d.month > 12) return `month ${d.month} does not exist`;
  if (d.day < 1 || d.day > daysInMonth(d.year, d.month)) {
    return `${MONTH_NAMES[d.month - 1] ?? ''} ${d.day} does not exist in ${d.year}`;
  }
  return null;
}

/** Resolves a wall time in a zone spec; never throws. */
export function resolveWall(date: DateParts, time: TimeParts, spec: ZoneSpec, preferLater = false): WallResolution {
  const bad = checkDate(date);
  if (bad) return { ok: false, reason: bad };
  const whole = Math.floor(time.millisecond);
  const fraction = time.millisecond - whole;
  if (spec.offset !== null) {
    const asUtc = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute, time.second, whole);
    // Date.UTC maps years 0–99 to 1900–1999; authors never mean that, but stay exact.
    const fixedUtc = date.year < 100 ? shiftYear(asUtc, date.year) : asUtc;
    const ms = fixedUtc - spec.offset * 60_000 + fraction;
    const note = abbreviationNote(ms, spec);
    return note ? { ok: true, ms, note } : { ok: true, ms };
  }
  const r = resolveLocal({ ...date, ...pick(time), millisecond: whole }, spec.zone, preferLater);
  if (!r.ok) return r;
  const ms = r.ms + fraction;
  return r.note ? { ok: true, ms, note: r.note } : { ok: true, ms };
}

function pick(t: TimeParts): { hour: number; minute: number; second: number } {
  return { hour: t.hour, minute: t.minute, second: t.second };
}

function shiftYear(ms: number, year: number): number {
  const d = new Date(ms);
  d.setUTCFullYear(year);
  return d.getTime();
}

/** When `CDT` is written on a January day in America/Chicago, say which offset was taken. */
function abbreviationNote(ms: number, spec: ZoneSpec): TimeNote | undefined {
  if (!spec.abbreviation || spec.offset === null || /^UTC/.test(spec.zone)) return undefined;
  // the zone's own offset, from zones.ts's per-day cache (no Intl lookup per timestamp)
  const own = zoneOffset(spec.zone, ms);
  if (own === spec.offset) return undefined;
  const local = DateTime.fromMillis(ms, { zone: luxonZone(spec.zone) })
    .setLocale('en')
    .toFormat('yyyy-LL-dd HH:mm');
  return {
    kind: 'abbreviation',
    message: `${spec.abbreviation} (${fixedZoneName(spec.offset)}) is not in force in ${spec.zone} at that time (${local} there, ${fixedZoneName(own)}); took ${spec.abbreviation} as written`,
  };
}
