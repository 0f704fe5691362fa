/**
 * Display formatting for pages. Always an explicit zone and the `en` locale, so the
 * bytes never depend on the machine's TZ or LANG.
 */
import { DateTime } from 'luxon';
import { luxonZone } from '../time/zones.js';

function dt(ms: number, zone: string): DateTime {
  return DateTime.fromMillis(Math.floor(ms), { zone: luxonZone(zone), locale: 'en-US' });
}

/** `2020-09-02 03:25 CDT` */
export function formatDateTime(ms: number, zone: string): string {
  return dt(ms, zone).toFormat('yyyy-LL-dd HH:mm ZZZZ');
}

/** `2 Sep 2020` */
export function formatDay(ms: number, zone: string): string {
  return dt(ms, zone).toFormat('d LLL yyyy');
}

/** `2020-09-02` */
export function isoDay(ms: number, zone: string): string {
  return dt(ms, zone).toFormat('yyyy-LL-dd');
}

export function yearOf(ms: number, zone: string): number {
  return dt(ms, zone).year;
}

/** RFC 3339 with the zone's offset: `2020-09-02T03:25:00-05:00`. */
export function isoWithOffset(ms: number, zone: string): string {
  return dt(ms, zone).toISO({ suppressMilliseconds: true }) ?? new Date(ms).toISOString();
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
