/**
 * Timestamp values found in structured logs: ISO 8601 strings (with or without an
 * offset; none → the source zone) and epoch numbers or digit strings, whose unit
 * (s, ms, µs, ns) is decided by magnitude. Sub-millisecond digits are kept as the
 * written fraction of a second (`precision`, e.g. `.123456`). Parsed by hand:
 * never `Date.parse` / `new Date(string)`.
 */
import type { SourceClock } from './clock.js';

export type TimeValue = { ok: true; at: number; zone: string; precision?: string; note?: string } | { ok: false; reason: string };

export interface IsoParts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  /** Digits after the decimal point of the seconds, '' when none. */
  fraction: string;
  /** Offset in minutes, null when the string has none. */
  offset: number | null;
}

const ISO = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?$/;

export function parseIso(text: string): IsoParts | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const off = m[8];
  let offset: number | null = null;
  if (off === 'Z' || off === 'z' || off === 'UTC') offset = 0;
  else if (off) {
    const digits = off.slice(1).replace(':', '');
    offset = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * (off[0] === '-' ? -1 : 1);
  }
  return {
    y: Number(m[1]),
    mo: Number(m[2]),
    d: Number(m[3]),
    h: Number(m[4] ?? 0),
    mi: Number(m[5] ?? 0),
    s: Number(m[6] ?? 0),
    fraction: m[7] ?? '',
    offset,
  };
}

/** Milliseconds (fraction allowed) of a decimal fraction of a second. */
export function fractionMs(digits: string): number {
  if (!digits) return 0;
  const whole = Number(digits.slice(0, 3).padEnd(3, '0'));
  return digits.length > 3 ? whole + Number(`0.${digits.slice(3)}`) : whole;
}

export function precisionOf(digits: string): string | undefined {
  return digits.length > 3 ? `.${digits}` : undefined;
}

/** Resolves ISO parts: an explicit offset wins, else the wall time is read in the clock's zone. */
export function isoInstant(p: IsoParts, clock: SourceClock): TimeValue {
  const frac = fractionMs(p.fraction);
  const precision = precisionOf(p.fraction);
  let at: number;
  let zone: string;
  let note: string | undefined;
  if (p.offset !== null) {
    if (p.mo < 1 || p.mo > 12 || p.d < 1 || p.d > 31 || p.h > 23 || p.mi > 59 || p.s > 60) {
      return { ok: false, reason: 'the timestamp is out of range' };
    }
    const wall = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s);
    if (new Date(wall).getUTCDate() !== p.d) return { ok: false, reason: `${p.y}-${p.mo}-${p.d} does not exist` };
    at = wall - p.offset * 60_000 + frac;
    zone = clock.zoneForOffset(p.offset, at);
  } else {
    const r = clock.local(p.y, p.mo, p.d, p.h, p.mi, p.s, frac);
    if (!r.ok) return r;
    at = r.ms;
    zone = clock.zone;
    note = r.note?.message;
  }
  const out: TimeValue = { ok: true, at, zone };
  if (precision) out.precision = precision;
  if (note) out.note = note;
  return out;
}

const UNIT_EXP = [0, 3, 6, 9];

/** Epoch digits (integer part, fraction) → instant; unit by the integer part's length. */
export function epochInstant(intDigits: string, fracDigits: string): TimeValue {
  const int = intDigits.replace(/^0+(?=\d)/, '');
  const len = int.length;
  const unit = len <= 11 ? 0 : len <= 14 ? 1 : len <= 17 ? 2 : 3;
  if (len > 20) return { ok: false, reason: `the epoch value has ${len} digits: too large for a time` };
  const exp = UNIT_EXP[unit]!;
  const secDigits = int.slice(0, Math.max(0, len - exp)) || '0';
  const sub = int.slice(Math.max(0, len - exp)).padStart(exp, '0') + fracDigits;
  const at = Number(secDigits) * 1000 + fractionMs(sub);
  const out: TimeValue = { ok: true, at, zone: 'UTC' };
  const precision = precisionOf(sub);
  if (precision) out.precision = precision;
  return out;
}

const EPOCH = /^(\d+)(?:\.(\d+))?$/;

/** A time field's value: epoch number, epoch digit string, or ISO string. */
export function parseTimeValue(value: unknown, clock: SourceClock): TimeValue {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return { ok: false, reason: 'the number is not an epoch time (negative, or not finite)' };
    const text = Math.abs(value) >= 1e21 ? '' : Number.isInteger(value) ? value.toFixed(0) : String(value);
    const m = EPOCH.exec(text);
    return m ? epochInstant(m[1]!, m[2] ?? '') : { ok: false, reason: 'the number is not an epoch time (negative, or not finite)' };
  }
  if (typeof value !== 'string') return { ok: false, reason: 'the time field is not a string or a number' };
  const text = value.trim();
  const m = EPOCH.exec(text);
  if (m) return epochInstant(m[1]!, m[2] ?? '');
  const iso = parseIso(text);
  if (iso) return isoInstant(iso, clock);
  // The value is not quoted: unread log text is never published, not even in a diagnostic.
  return { ok: false, reason: 'unreadable timestamp (expected ISO 8601 such as 2017-01-31T23:05:00Z, or epoch digits)' };
}
