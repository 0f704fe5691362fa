/**
 * The pieces a written timestamp is made of — a date, a time of day, a zone — each
 * read from the START of a string. Every reader returns the parts and the number of
 * characters it consumed, or null; none of them consults the clock, the machine's
 * zone or `Date.parse`.
 */

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export interface TimeParts {
  hour: number;
  minute: number;
  second: number;
  /** May carry a fraction (sub-millisecond digits). */
  millisecond: number;
  /** Sub-millisecond digits as written, e.g. `.123456`, when more than 3 were given. */
  precision?: string;
  /** True when written with am/pm. */
  meridiem?: 'am' | 'pm';
}

/** A date as written; `year` null when the author left it out. */
export interface WrittenDate {
  year: number | null;
  month: number;
  day: number;
  /** Day of the week written before it (0 = Sunday), to check against the date. */
  weekday?: number;
}

/** A zone as written next to a time. */
export type WrittenZone =
  | { kind: 'offset'; minutes: number; text: string }
  | { kind: 'abbreviation'; abbreviation: string; text: string }
  | { kind: 'iana'; name: string; text: string };

export interface Read<T> {
  value: T;
  length: number;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ORD = '(?:st|nd|rd|th)?';

const WEEKDAY = /^(sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?,?\s+/i;
const WEEKDAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** A weekday name alone, before a time: `Tue 08:00`, `Tuesday, 8am`. */
const WEEKDAY_WORD = /^(sun(?:day)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?)\.?,?\s+/i;

/** Reads a weekday name followed by a space: its number (0 = Sunday) and length. */
export function readWeekday(s: string): Read<number> | null {
  const m = WEEKDAY_WORD.exec(s);
  return m ? { value: WEEKDAY_NAMES.indexOf(m[1]!.slice(0, 3).toLowerCase()), length: m[0].length } : null;
}

/** Day of the week of a date (0 = Sunday), by arithmetic. */
export function weekdayOf(d: { year: number; month: number; day: number }): number {
  const t = new Date(Date.UTC(2000, d.month - 1, d.day));
  t.setUTCFullYear(d.year);
  return t.getUTCDay();
}

/** The date with weekday `wd` nearest `around` (at most three days away). */
export function nearestWeekday(wd: number, around: { year: number; month: number; day: number }): { year: number; month: number; day: number } {
  let diff = (wd - weekdayOf(around) + 7) % 7;
  if (diff > 3) diff -= 7;
  const t = new Date(Date.UTC(2000, around.month - 1, around.day));
  t.setUTCFullYear(around.year);
  t.setUTCDate(t.getUTCDate() + diff);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const SLASH_DATE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?!\d)/;
const MDY = new RegExp(`^${MONTH}\\s+(\\d{1,2})${ORD}(?:,?\\s+(\\d{4}))?(?![\\d:a-z])`, 'i');
const YMD = new RegExp(`^(\\d{4})\\s+${MONTH}\\s+(\\d{1,2})${ORD}(?![\\d:a-z])`, 'i');
const DMY = new RegExp(`^(\\d{1,2})${ORD}\\s+${MONTH}(?:,?\\s+(\\d{4}))?(?![\\d:a-z])`, 'i');

/** Reads a calendar date: ISO, `2017/01/31`, `August 30, 2020`, `2018 October 21`, `21 September`, `Jan  7`. */
export function readDate(s: string): Read<WrittenDate> | null {
  const wd = WEEKDAY.exec(s);
  const skip = wd && /^\s*(?:\d|[a-z]{3})/i.test(s.slice(wd[0].length)) ? wd[0].length : 0;
  const t = s.slice(skip);
  const r = readBareDate(t);
  if (!r) return null;
  if (skip && wd) r.value.weekday = WEEKDAY_NAMES.indexOf(wd[1]!.toLowerCase());
  return done(r.value, skip + r.length);
}

function readBareDate(t: string): Read<WrittenDate> | null {
  let m = ISO_DATE.exec(t) ?? SLASH_DATE.exec(t);
  if (m) return done({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, m[0].length);
  if ((m = MDY.exec(t))) return done({ year: m[3] ? Number(m[3]) : null, month: month(m[1]), day: Number(m[2]) }, m[0].length);
  if ((m = YMD.exec(t))) return done({ year: Number(m[1]), month: month(m[2]), day: Number(m[3]) }, m[0].length);
  if ((m = DMY.exec(t))) return done({ year: m[3] ? Number(m[3]) : null, month: month(m[2]), day: Number(m[1]) }, m[0].length);
  return null;
}

function month(name: string | undefined): number {
  const key = (name ?? '').toLowerCase().replace(/\.$/, '');
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)] ?? 0;
}

function done(value: WrittenDate, length: number): Read<WrittenDate> {
  return { value, length };
}

const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s?([ap])\.?m\.?(?![a-z]))?/i;
const HOUR_MERIDIEM = /^(\d{1,2})\s?([ap])\.?m\.?(?![a-z])/i;

/** Reads a time of day: `03:25`, `22:23:17.123456`, `1:40 AM`, `9:37AM`, `6pm`, `11 p.m.`. */
export function readTime(s: string): Read<TimeParts> | null {
  const c = CLOCK.exec(s);
  const h = c ? null : HOUR_MERIDIEM.exec(s);
  if (!c && !h) return null;
  const hourText = (c ?? h)![1];
  const mer = (c ? c[5] : h![2])?.toLowerCase();
  let hour = Number(hourText);
  const minute = c ? Number(c[2]) : 0;
  const second = c?.[3] ? Number(c[3]) : 0;
  const frac = c?.[4] ?? '';
  if (minute > 59 || second > 59) return null;
  if (mer) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (mer === 'p' ? 12 : 0);
  } else if (hour > 23) return null;
  const millisecond = frac ? Number(`${frac}`.padEnd(3, '0')) / 10 ** Math.max(0, frac.length - 3) : 0;
  const value: TimeParts = { hour, minute, second, millisecond };
  if (frac.length > 3) value.precision = `.${frac}`;
  if (mer) value.meridiem = mer === 'p' ? 'pm' : 'am';
  return { value, length: (c ?? h)![0].length };
}

const ATTACHED_OFFSET = /^(?:Z(?![a-z])|([+-])(\d{2}):?(\d{2})?(?![\d:]))/i;
const SPACED_OFFSET = /^\s+([+-])(\d{2}):?(\d{2})(?![\d:])/;
const NAMED = /^(\s*)(\()?\s*(?:(UTC|GMT)\s*([+-])(\d{1,2})(?::?(\d{2}))?|([A-Z][A-Za-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?)|([A-Z]{1,5}))\s*(\))?(?![A-Za-z0-9/])/;

/**
 * Reads a zone written after a time: `Z`, `+02:00`, ` -0500`, ` UTC`, ` UTC+2`, ` CDT`,
 * ` (PST)`, ` Europe/Berlin`. `+02:00` right after the time only when `afterDate`. Abbreviations are upper case as written; `isKnown`
 * decides which words are abbreviations.
 */
export function readZone(s: string, isKnown: (word: string) => boolean, afterDate = true): Read<WrittenZone> | null {
  // `10:28-11:00` is a range, not an offset: attached offsets only after a written date.
  const a = (afterDate ? ATTACHED_OFFSET.exec(s) : /^Z(?![a-z])/i.exec(s)) ?? SPACED_OFFSET.exec(s);
  if (a) {
    const text = a[0].trim();
    const minutes = /^z$/i.test(text) ? 0 : sign(a[1]) * (Number(a[2]) * 60 + Number(a[3] ?? 0));
    return Math.abs(minutes) > 14 * 60 ? null : { value: { kind: 'offset', minutes, text }, length: a[0].length };
  }
  const n = NAMED.exec(s);
  if (!n || (n[1] === '' && !n[2]) || Boolean(n[2]) !== Boolean(n[9])) return null;
  const text = n[0].trim();
  if (n[3]) {
    const minutes = sign(n[4]) * (Number(n[5]) * 60 + Number(n[6] ?? 0));
    return Math.abs(minutes) > 14 * 60 ? null : { value: { kind: 'offset', minutes, text }, length: n[0].length };
  }
  if (n[7]) return { value: { kind: 'iana', name: n[7], text }, length: n[0].length };
  if (n[8] && isKnown(n[8])) return { value: { kind: 'abbreviation', abbreviation: n[8], text }, length: n[0].length };
  return null;
}

function sign(s: string | undefined): number {
  return s === '-' ? -1 : 1;
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** The calendar day after `d`. */
export function nextDay(d: DateParts): DateParts {
  if (d.day < daysInMonth(d.year, d.month)) return { ...d, day: d.day + 1 };
  if (d.month < 12) return { year: d.year, month: d.month + 1, day: 1 };
  return { year: d.year + 1, month: 1, day: 1 };
}

/** How far back (in days) a date written without a year may go and stay in the current year. */
export const YEAR_WRAP_DAYS = 183;

/**
 * The year of a date written without one (`Feb 1`, `Jan  7 22:23:17`) read after a known
 * current date: the current year, unless that puts it more than half a year BEFORE the
 * current date — then the text wrapped past New Year (`Dec 31` then `Jan 1`) and the date
 * is in the following year (`rolled`). A date days or months back (an entry out of order,
 * `Feb 1` under a `February 2` heading) stays in the current year.
 */
export function yearAfter(month: number, day: number, current: DateParts): { year: number; rolled: boolean } {
  // Day numbers by arithmetic only; an impossible day (Feb 29 2021) counts as the day after.
  const dayNumber = (m: number, d: number): number => Math.round(Date.UTC(2000, m - 1, d) / 86_400_000);
  const back = dayNumber(current.month, current.day) - dayNumber(month, day);
  return back > YEAR_WRAP_DAYS ? { year: current.year + 1, rolled: true } : { year: current.year, rolled: false };
}
