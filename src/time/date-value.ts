/**
 * Front-matter dates: the forms authors write in `date:` and `t0:`.
 *   2017-01-12 · 2020-09-02T03:25 · 2020-09-02 03:25:00+02:00 · …Z
 *   201811132020.33 (touch -t: [CC]YYMMDDhhmm[.ss]) · RFC 2822
 * A date without a time is the start of that day in the file's zone.
 * Every result is a value: an unreadable date carries its reason.
 */
import { DateTime } from 'luxon';
import { resolveLocal, type WallTime } from './instant.js';
import { fixedZoneName } from './zones.js';

export type DateValue = { ok: true; ms: number; hasTime: boolean; zone: string; note?: string } | { ok: false; reason: string };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const TOUCH = /^(\d{2})?(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{2}))?$/;

export function parseDateValue(text: string, zone: string): DateValue {
  const s = text.trim();
  const iso = ISO.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec, frac, off] = iso;
    const w: WallTime = {
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour: Number(h ?? 0),
      minute: Number(mi ?? 0),
      second: Number(sec ?? 0),
      millisecond: frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0,
    };
    return fromWall(w, h !== undefined, off ? offsetZone(off) : zone);
  }
  const touch = TOUCH.exec(s);
  if (touch) {
    const [, cc, yy, mo, d, h, mi, sec] = touch;
    const year = cc ? Number(cc + yy) : 2000 + Number(yy) - (Number(yy) >= 69 ? 100 : 0);
    const w: WallTime = {
      year,
      month: Number(mo),
      day: Number(d),
      hour: Number(h),
      minute: Number(mi),
      second: Number(sec ?? 0),
      millisecond: 0,
    };
    return fromWall(w, true, zone);
  }
  if (/^[A-Za-z]{3},?\s|^\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d/.test(s)) {
    const dt = DateTime.fromRFC2822(s, { setZone: true });
    if (dt.isValid) return { ok: true, ms: dt.toMillis(), hasTime: true, zone: fixedZoneName(dt.offset) };
    return { ok: false, reason: `"${s}" looks like an RFC 2822 date but is not valid (${dt.invalidExplanation ?? 'invalid'})` };
  }
  return {
    ok: false,
    reason: `cannot read date "${s}"; write 2020-09-02, 2020-09-02T03:25:00-05:00, 201811132020.33 or an RFC 2822 date`,
  };
}

function fromWall(w: WallTime, hasTime: boolean, zone: string): DateValue {
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.day > 31 || w.hour > 23 || w.minute > 59 || w.second > 59) {
    return { ok: false, reason: `${w.year}-${w.month}-${w.day} ${w.hour}:${w.minute}:${w.second} is out of range` };
  }
  const r = resolveLocal(w, zone);
  if (!r.ok) return r;
  return r.note ? { ok: true, ms: r.ms, hasTime, zone, note: r.note.message } : { ok: true, ms: r.ms, hasTime, zone };
}

function offsetZone(off: string): string {
  if (/^z$/i.test(off)) return 'UTC';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(off)!;
  return fixedZoneName((Number(m[2]) * 60 + Number(m[3] ?? 0)) * (m[1] === '-' ? -1 : 1));
}
