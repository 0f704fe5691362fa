/**
 * Zone normalization — the one place where a zone written by an author becomes a
 * zone luxon understands. Canonical results: an IANA name (`America/Chicago`),
 * `UTC`, or a fixed offset written `UTC+2` / `UTC-5:30`.
 *
 * Nothing here consults the machine's TZ: an unknown zone is a value with a reason.
 */
import { FixedOffsetZone, IANAZone } from 'luxon';

export type ZoneResult = { ok: true; zone: string } | { ok: false; reason: string };

/** Legacy links (tzdata `backward`) mapped to their canonical names. */
export const LINKS: Readonly<Record<string, string>> = {
  'US/Alaska': 'America/Anchorage',
  'US/Aleutian': 'America/Adak',
  'US/Arizona': 'America/Phoenix',
  'US/Central': 'America/Chicago',
  'US/East-Indiana': 'America/Indiana/Indianapolis',
  'US/Eastern': 'America/New_York',
  'US/Hawaii': 'Pacific/Honolulu',
  'US/Indiana-Starke': 'America/Indiana/Knox',
  'US/Michigan': 'America/Detroit',
  'US/Mountain': 'America/Denver',
  'US/Pacific': 'America/Los_Angeles',
  'US/Samoa': 'Pacific/Pago_Pago',
  'Canada/Atlantic': 'America/Halifax',
  'Canada/Central': 'America/Winnipeg',
  'Canada/Eastern': 'America/Toronto',
  'Canada/Mountain': 'America/Edmonton',
  'Canada/Newfoundland': 'America/St_Johns',
  'Canada/Pacific': 'America/Vancouver',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  // ICU (Node, browsers) still answers these older spellings as the canonical names.
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk',
  'Europe/Belfast': 'Europe/London',
  GB: 'Europe/London',
  'GB-Eire': 'Europe/London',
  Eire: 'Europe/Dublin',
  Japan: 'Asia/Tokyo',
  PRC: 'Asia/Shanghai',
  ROC: 'Asia/Taipei',
  ROK: 'Asia/Seoul',
  Singapore: 'Asia/Singapore',
  Turkey: 'Europe/Istanbul',
  Israel: 'Asia/Jerusalem',
  Egypt: 'Africa/Cairo',
  Iran: 'Asia/Tehran',
  Poland: 'Europe/Warsaw',
  Portugal: 'Europe/Lisbon',
  Iceland: 'Atlantic/Reykjavik',
  NZ: 'Pacific/Auckland',
  'NZ-CHAT': 'Pacific/Chatham',
  'Australia/ACT': 'Australia/Sydney',
  'Australia/NSW': 'Australia/Sydney',
  'Australia/North': 'Australia/Darwin',
  'Australia/Queensland': 'Australia/Brisbane',
  'Australia/South': 'Australia/Adelaide',
  'Australia/Tasmania': 'Australia/Hobart',
  'Australia/Victoria': 'Australia/Melbourne',
  'Australia/West': 'Australia/Perth',
  'Brazil/East': 'America/Sao_Paulo',
  'Mexico/General': 'America/Mexico_City',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'Etc/UTC': 'UTC',
  'Etc/UCT': 'UTC',
  'Etc/Universal': 'UTC',
  'Etc/Zulu': 'UTC',
  'Etc/GMT': 'UTC',
  'Etc/Greenwich': 'UTC',
  UCT: 'UTC',
  Universal: 'UTC',
  Zulu: 'UTC',
  GMT: 'UTC',
  Greenwich: 'UTC',
};

const FIXED = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;

/** Formats a fixed offset in minutes as `UTC+2`, `UTC-5:30`, or `UTC` for 0. */
export function fixedZoneName(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

const normalized = new Map<string, ZoneResult>();

/** Normalizes an author's zone: IANA names, legacy links, `UTC`, `Z`, fixed offsets. */
export function normalizeZone(input: string): ZoneResult {
  let r = normalized.get(input);
  if (!r) {
    r = normalizeUncached(input);
    if (normalized.size < 10_000) normalized.set(input, r);
  }
  return r;
}

function normalizeUncached(input: string): ZoneResult {
  const raw = input.trim();
  if (!raw) return { ok: false, reason: 'the zone is empty' };
  if (/^(utc|z|gmt|ut)$/i.test(raw)) return { ok: true, zone: 'UTC' };
  const fixed = FIXED.exec(raw);
  if (fixed && /\d/.test(raw)) {
    const [, sign, hh, mm] = fixed;
    const minutes = (Number(hh) * 60 + Number(mm ?? 0)) * (sign === '-' ? -1 : 1);
    if (Math.abs(minutes) > 14 * 60) return { ok: false, reason: `offset ${raw} is beyond ±14:00` };
    return { ok: true, zone: fixedZoneName(minutes) };
  }
  const linked = LINKS[raw] ?? Object.entries(LINKS).find(([k]) => k.toLowerCase() === raw.toLowerCase())?.[1];
  if (linked) return { ok: true, zone: linked };
  if (IANAZone.isValidZone(raw)) {
    // Restore canonical capitalisation ("america/chicago" → "America/Chicago").
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: raw }).resolvedOptions().timeZone;
    return { ok: true, zone: LINKS[canonical] ?? canonical };
  }
  return {
    ok: false,
    reason: `unknown time zone "${raw}"; use an IANA name such as America/Chicago or Europe/Berlin, UTC, or an offset such as +02:00`,
  };
}

/** A luxon zone for a canonical zone name produced by {@link normalizeZone}. */
export function luxonZone(zone: string): IANAZone | FixedOffsetZone {
  if (zone === 'UTC') return FixedOffsetZone.utcInstance;
  const m = /^UTC([+-])(\d{1,2})(?::(\d{2}))?$/.exec(zone);
  if (m) {
    const minutes = (Number(m[2]) * 60 + Number(m[3] ?? 0)) * (m[1] === '-' ? -1 : 1);
    return FixedOffsetZone.instance(minutes);
  }
  return IANAZone.create(zone);
}

const DAY_MS = 86_400_000;
interface DayOffsets {
  start: number;
  end: number;
  /** First instant of the day (ms) at which `end` is in force, when the offset changes that day. */
  change: number | null;
}
const offsetCache = new Map<string, Map<number, DayOffsets>>();

/**
 * The UTC offset (minutes) of a canonical zone at an instant. Asking the Intl
 * database costs microseconds per call, so each UTC day is looked up once: its
 * offsets at start and end, and on a transition day the exact instant of the change
 * (found by bisection to the second).
 */
export function zoneOffset(zone: string, ms: number): number {
  if (zone === 'UTC') return 0;
  const z = luxonZone(zone);
  if (z.isUniversal) return z.offset(ms);
  let days = offsetCache.get(zone);
  if (!days) offsetCache.set(zone, (days = new Map<number, DayOffsets>()));
  const day = Math.floor(ms / DAY_MS);
  let d = days.get(day);
  if (!d) {
    const from = day * DAY_MS;
    const start = z.offset(from);
    const end = z.offset(from + DAY_MS - 1);
    let change: number | null = null;
    if (start !== end) {
      let lo = from;
      let hi = from + DAY_MS - 1;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (z.offset(mid) === start) lo = mid;
        else hi = mid;
      }
      change = hi;
    }
    d = { start, end, change };
    days.set(day, d);
  }
  return d.change === null || ms < d.change ? d.start : d.end;
}
