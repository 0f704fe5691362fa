/**
 * Display formatting for pages. Always an explicit zone and fixed English names, so
 * the bytes never depend on the machine's TZ or LANG (no Intl, no toLocale*).
 */
import { formatLocal } from '../time/format.js';
import { zoneOffset } from '../time/zones.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The wall-clock fields of an instant in a zone. */
function wall(ms: number, zone: string): { y: number; m: number; d: number; offset: number; date: Date } {
  const offset = zoneOffset(zone, Math.floor(ms));
  const date = new Date(Math.floor(ms) + offset * 60_000);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), offset, date };
}

const pad = (n: number): string => String(n).padStart(2, '0');
/** Four digits always (`0800`): RFC 3339 and ISO 8601 years. Dates are kept within 0000–9999 (incident/fields.ts). */
const year = (y: number): string => String(y).padStart(4, '0');

/** `2020-09-02 03:25 CDT` — the same form as the timeline's local times. */
export function formatDateTime(ms: number, zone: string): string {
  return formatLocal(Math.floor(ms / 60_000) * 60_000, zone);
}

/** `2 Sep 2020` */
export function formatDay(ms: number, zone: string): string {
  const w = wall(ms, zone);
  return `${w.d} ${MONTHS[w.m - 1]} ${w.y}`;
}

/** `2020-09-02` */
export function isoDay(ms: number, zone: string): string {
  const w = wall(ms, zone);
  return `${year(w.y)}-${pad(w.m)}-${pad(w.d)}`;
}

export function yearOf(ms: number, zone: string): number {
  return wall(ms, zone).y;
}

/** RFC 3339 with the zone's offset: `2020-09-02T03:25:00-05:00` (`Z` in UTC). */
export function isoWithOffset(ms: number, zone: string): string {
  // an offset with seconds (local mean time before ~1900, `+09:18:59`) has no RFC 3339 form: UTC then
  const w = wall(ms, Number.isInteger(zoneOffset(zone, Math.floor(ms))) ? zone : 'UTC');
  const t = `${pad(w.date.getUTCHours())}:${pad(w.date.getUTCMinutes())}:${pad(w.date.getUTCSeconds())}`;
  const sign = w.offset < 0 ? '-' : '+';
  const abs = Math.abs(w.offset);
  const off = w.offset === 0 ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${year(w.y)}-${pad(w.m)}-${pad(w.d)}T${t}${off}`;
}

export function isoUtc(ms: number): string {
  return new Date(Math.floor(ms)).toISOString();
}

/** `3d 4h`, `5h 20m`, `12m`, `45s` — a duration for facts panels and the index. */
export function humanDuration(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds)) return null;
  let s = Math.round(Math.abs(seconds));
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const parts = [d && `${d}d`, h && `${h}h`, m && `${m}m`, !d && !h && s && `${s}s`].filter(Boolean) as string[];
  return parts.length ? parts.slice(0, 2).join(' ') : '0s';
}
