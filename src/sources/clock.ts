/**
 * Fast wall-time → instant conversion for one source. Logs have millions of lines
 * and luxon per line is slow, so the UTC offset is computed once per local day and
 * the time of day is added arithmetically. Days with a DST change fall back to
 * `resolveLocal` per line, which detects gaps and overlaps; in an overlap the later
 * instant is taken when the previous line of the same source is already past the
 * earlier one (the log has gone back on the wall clock).
 */
import { iso, resolveLocal, type LocalResolution } from '../time/instant.js';
import { fixedZoneName, luxonZone } from '../time/zones.js';

export type ClockResult = { ok: true; ms: number; note?: { kind: 'gap' | 'overlap'; message: string } } | { ok: false; reason: string };

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, month: number): number {
  return month === 2 && isLeapYear(y) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

export class SourceClock {
  private readonly z;
  private dayKey = -1;
  private dayUtc = 0;
  /** Offset (minutes) for the whole cached day, or null on a day with a transition. */
  private dayOffset: number | null = null;
  private minuteKey = Number.NaN;
  private minuteOffset = 0;
  /** On a day with a DST change: each minute's resolution, earlier and later instant. */
  private readonly transitionMinutes = new Map<number, { early: LocalResolution; late: LocalResolution }>();
  /** Instant of the previous line resolved in the source zone. */
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(readonly zone: string) {
    this.z = luxonZone(zone);
  }

  /** A wall time in the source zone → instant. `frac` is milliseconds (fraction allowed). */
  local(y: number, mo: number, d: number, h: number, mi: number, s: number, frac = 0): ClockResult {
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
      return { ok: false, reason: `${y}-${pad(mo)}-${pad(d)} does not exist` };
    }
    if (h > 23 || mi > 59 || s > 60) return { ok: false, reason: `${pad(h)}:${pad(mi)}:${pad(s)} is not a time of day` };
    const key = (y * 100 + mo) * 100 + d;
    if (key !== this.dayKey) {
      this.dayKey = key;
      this.transitionMinutes.clear();
      this.dayUtc = Date.UTC(y, mo - 1, d);
      const before = this.z.offset(this.dayUtc - 14 * HOUR_MS);
      const after = this.z.offset(this.dayUtc + DAY_MS + 14 * HOUR_MS);
      this.dayOffset = before === after ? before : null;
    }
    const wallMs = this.dayUtc + h * HOUR_MS + mi * 60_000 + s * 1000;
    if (this.dayOffset !== null) {
      const ms = wallMs - this.dayOffset * 60_000 + frac;
      this.lastAt = ms;
      return { ok: true, ms };
    }
    // A day with a DST change: resolve each minute once (changes fall on minute boundaries).
    const minute = h * 60 + mi;
    let cached = this.transitionMinutes.get(minute);
    if (cached === undefined) {
      const w = { year: y, month: mo, day: d, hour: h, minute: mi, second: 0, millisecond: 0 };
      const early = resolveLocal(w, this.zone);
      const late = early.ok && early.note?.kind === 'overlap' ? resolveLocal(w, this.zone, true) : early;
      cached = { early, late };
      this.transitionMinutes.set(minute, cached);
    }
    const offsetInMinute = s * 1000 + frac;
    let r = cached.early;
    if (r.ok && r.note?.kind === 'overlap' && this.lastAt > r.ms + offsetInMinute) r = cached.late;
    if (!r.ok) return r;
    const ms = r.ms + offsetInMinute;
    this.lastAt = ms;
    if (!r.note) return { ok: true, ms };
    const what = r.note.message.split(';')[0] ?? '';
    const which = r.note.kind === 'gap' ? 'read as' : r === cached.early ? 'took the earlier,' : 'took the later,';
    return { ok: true, ms, note: { kind: r.note.kind, message: `${what}; ${which} ${iso(ms)}` } };
  }

  /**
   * Name of the zone of a timestamp written with an explicit offset: the source zone
   * when it had that offset at that instant, else a fixed zone (`UTC+1`).
   */
  zoneForOffset(offsetMinutes: number, ms: number): string {
    const key = Math.floor(ms / 60_000);
    if (key !== this.minuteKey) {
      this.minuteKey = key;
      this.minuteOffset = this.z.offset(ms);
    }
    return this.minuteOffset === offsetMinutes ? this.zone : fixedZoneName(offsetMinutes);
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
