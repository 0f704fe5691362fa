/**
 * Instants as text and back, for display and for the published JSON.
 * Local time as shown to readers: `2020-08-30 01:40 CDT` in the display zone. Seconds
 * appear when not zero, sub-millisecond digits as written. The abbreviation comes from
 * the explicit table, else a `UTC+5:30` style offset — never from the machine's locale.
 */
import { abbreviationFor } from './abbreviations.js';
import { fixedZoneName, zoneOffset } from './zones.js';

/** The abbreviation or offset name of `zone` at an instant: `CDT`, `CEST`, `UTC`, `UTC+5:30`. */
export function zoneLabel(ms: number, zone: string): string {
  const offset = zoneOffset(zone, Math.floor(ms));
  return abbreviationFor(zone, offset) ?? fixedZoneName(offset);
}

/** `2020-08-30 01:40 CDT`, `2017-01-07 22:23:17 UTC`, `… 03:25:00.123456 UTC`. */
export function formatLocal(ms: number, zone: string, precision?: string): string {
  // With 7–9 written digits the instant can round up into the next second in a double
  // (10:00:00.999999999 is stored as 10:00:01.000): the second shown is the instant
  // less its written fraction, to the nearest second.
  const whole = precision ? Math.round((ms - Number(`0${precision}`) * 1000) / 1000) * 1000 : Math.floor(ms);
  const offset = zoneOffset(zone, whole);
  // The wall time is the instant shifted by the offset, read as UTC: no Intl per call.
  const d = new Date(whole + offset * 60_000);
  const year = d.getUTCFullYear();
  let text = `${year < 0 ? '-' : ''}${pad(Math.abs(year), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  const sec = d.getUTCSeconds();
  const milli = d.getUTCMilliseconds();
  if (precision) text += `:${pad(sec)}${precision}`;
  else if (milli) text += `:${pad(sec)}.${pad(milli, 3)}`;
  else if (sec) text += `:${pad(sec)}`;
  return `${text} ${abbreviationFor(zone, offset) ?? fixedZoneName(offset)}`;
}

/**
 * A span of time of day in `zone`, for grouped log events: `22:23:17–22:31:02 UTC`;
 * each end carries its label when the zone's label changes in between
 * (`01:50:00 CDT–01:10:00 CST`).
 */
export function formatSpan(from: number, to: number, zone: string): string {
  const clock = (ms: number): string => {
    const d = new Date(Math.floor(ms) + zoneOffset(zone, Math.floor(ms)) * 60_000);
    return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  };
  const a = zoneLabel(from, zone);
  const b = zoneLabel(to, zone);
  return a === b ? `${clock(from)}–${clock(to)} ${a}` : `${clock(from)} ${a}–${clock(to)} ${b}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `2020-08-30 06:40 UTC` style, for the UTC column. */
export function formatUtc(ms: number, precision?: string): string {
  return formatLocal(ms, 'UTC', precision);
}

/** Epoch ms from an ISO instant as published (`2020-08-30T06:40:00.000Z`); NaN otherwise. */
export function isoToMs(at: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$/.exec(at);
  if (!m) return NaN;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, Number((m[7] ?? '0').padEnd(3, '0')));
}

/** ISO 8601 with milliseconds and `Z`; a sub-millisecond fraction is dropped. */
export function isoMs(ms: number): string {
  return new Date(Math.floor(ms)).toISOString();
}
