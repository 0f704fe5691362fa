/**
 * Zone abbreviations, from an explicit table (never from Intl, whose short names
 * depend on the locale data of the machine). An abbreviation is a fixed offset: `CDT`
 * is UTC-5 even in January — the author's words are taken as written.
 *
 * Ambiguous abbreviations (`CST`, `IST`, `BST`, …) follow the context zone when that
 * zone uses one of the meanings; otherwise they are an error that names every candidate.
 */
import { fixedZoneName } from './zones.js';

export interface AbbreviationMeaning {
  /** Offset from UTC in minutes. */
  offset: number;
  /** Human name, used in messages. */
  name: string;
  /** Zones that use this abbreviation; the first one is the representative zone. */
  zones: readonly string[];
}

const US_CENTRAL = ['America/Chicago', 'America/Winnipeg', 'America/Indiana/Knox', 'America/Menominee', 'America/Matamoros'];
const US_EASTERN = ['America/New_York', 'America/Toronto', 'America/Detroit', 'America/Indiana/Indianapolis', 'America/Nassau'];
const US_MOUNTAIN = ['America/Denver', 'America/Phoenix', 'America/Edmonton', 'America/Boise'];
const US_PACIFIC = ['America/Los_Angeles', 'America/Vancouver', 'America/Tijuana'];
const CENTRAL_EU = [
  'Europe/Berlin',
  'Europe/Paris',
  'Europe/Amsterdam',
  'Europe/Brussels',
  'Europe/Vienna',
  'Europe/Zurich',
  'Europe/Rome',
  'Europe/Madrid',
  'Europe/Stockholm',
  'Europe/Oslo',
  'Europe/Copenhagen',
  'Europe/Warsaw',
  'Europe/Prague',
  'Europe/Budapest',
  'Europe/Luxembourg',
  'Europe/Belgrade',
];
const EASTERN_EU = [
  'Europe/Helsinki',
  'Europe/Athens',
  'Europe/Bucharest',
  'Europe/Sofia',
  'Europe/Kyiv',
  'Europe/Riga',
  'Europe/Tallinn',
  'Europe/Vilnius',
  'Africa/Cairo',
];
const WESTERN_EU = ['Europe/Lisbon', 'Atlantic/Canary', 'Atlantic/Madeira', 'Atlantic/Faroe'];
const LONDON = ['Europe/London', 'Europe/Guernsey', 'Europe/Jersey', 'Europe/Isle_of_Man'];
const CHINA = ['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Harbin', 'Asia/Macau', 'Asia/Taipei'];
const AU_EAST = ['Australia/Sydney', 'Australia/Melbourne', 'Australia/Hobart', 'Australia/Brisbane'];

function m(offsetHours: number, name: string, zones: readonly string[]): AbbreviationMeaning {
  return { offset: Math.round(offsetHours * 60), name, zones };
}

/** Every abbreviation `pm` reads, upper case. */
export const ABBREVIATIONS: Readonly<Record<string, readonly AbbreviationMeaning[]>> = {
  UTC: [m(0, 'Coordinated Universal Time', ['UTC'])],
  UT: [m(0, 'Universal Time', ['UTC'])],
  GMT: [m(0, 'Greenwich Mean Time', ['UTC', ...LONDON, 'Europe/Dublin', 'Atlantic/Reykjavik'])],
  Z: [m(0, 'Zulu (UTC)', ['UTC'])],
  PST: [m(-8, 'Pacific Standard Time', US_PACIFIC)],
  PDT: [m(-7, 'Pacific Daylight Time', US_PACIFIC)],
  MST: [m(-7, 'Mountain Standard Time', US_MOUNTAIN)],
  MDT: [
    m(
      -6,
      'Mountain Daylight Time',
      US_MOUNTAIN.filter((z) => z !== 'America/Phoenix'),
    ),
  ],
  CST: [m(-6, 'Central Standard Time (North America)', US_CENTRAL), m(8, 'China Standard Time', CHINA), m(-5, 'Cuba Standard Time', ['America/Havana'])],
  CDT: [m(-5, 'Central Daylight Time (North America)', US_CENTRAL), m(-4, 'Cuba Daylight Time', ['America/Havana'])],
  EST: [m(-5, 'Eastern Standard Time', US_EASTERN)],
  EDT: [m(-4, 'Eastern Daylight Time', US_EASTERN)],
  AKST: [m(-9, 'Alaska Standard Time', ['America/Anchorage', 'America/Juneau'])],
  AKDT: [m(-8, 'Alaska Daylight Time', ['America/Anchorage', 'America/Juneau'])],
  HST: [m(-10, 'Hawaii Standard Time', ['Pacific/Honolulu'])],
  CET: [m(1, 'Central European Time', CENTRAL_EU)],
  CEST: [m(2, 'Central European Summer Time', CENTRAL_EU)],
  EET: [m(2, 'Eastern European Time', EASTERN_EU)],
  EEST: [m(3, 'Eastern European Summer Time', EASTERN_EU)],
  WET: [m(0, 'Western European Time', WESTERN_EU)],
  WEST: [m(1, 'Western European Summer Time', WESTERN_EU)],
  BST: [m(1, 'British Summer Time', LONDON), m(6, 'Bangladesh Standard Time', ['Asia/Dhaka'])],
  IST: [
    m(5.5, 'India Standard Time', ['Asia/Kolkata']),
    m(1, 'Irish Standard Time', ['Europe/Dublin']),
    m(2, 'Israel Standard Time', ['Asia/Jerusalem', 'Asia/Tel_Aviv']),
  ],
  IDT: [m(3, 'Israel Daylight Time', ['Asia/Jerusalem', 'Asia/Tel_Aviv'])],
  MSK: [m(3, 'Moscow Standard Time', ['Europe/Moscow'])],
  JST: [m(9, 'Japan Standard Time', ['Asia/Tokyo'])],
  KST: [m(9, 'Korea Standard Time', ['Asia/Seoul'])],
  HKT: [m(8, 'Hong Kong Time', ['Asia/Hong_Kong'])],
  SGT: [m(8, 'Singapore Time', ['Asia/Singapore'])],
  AEST: [m(10, 'Australian Eastern Standard Time', AU_EAST)],
  AEDT: [
    m(
      11,
      'Australian Eastern Daylight Time',
      AU_EAST.filter((z) => z !== 'Australia/Brisbane'),
    ),
  ],
  ACST: [m(9.5, 'Australian Central Standard Time', ['Australia/Adelaide', 'Australia/Darwin'])],
  ACDT: [m(10.5, 'Australian Central Daylight Time', ['Australia/Adelaide'])],
  AWST: [m(8, 'Australian Western Standard Time', ['Australia/Perth'])],
  NZST: [m(12, 'New Zealand Standard Time', ['Pacific/Auckland'])],
  NZDT: [m(13, 'New Zealand Daylight Time', ['Pacific/Auckland'])],
};

export type AbbreviationResult = { ok: true; abbreviation: string; offset: number; zone: string; meaning: AbbreviationMeaning } | { ok: false; reason: string };

/** True when `word` (any case) is in the table. */
export function isAbbreviation(word: string): boolean {
  return Object.hasOwn(ABBREVIATIONS, word.toUpperCase());
}

/**
 * Reads an abbreviation written next to a timestamp. `contextZone` is the canonical
 * zone of the entry's context (source, file, site). The result's `zone` is the context
 * zone when it uses this abbreviation, else the representative zone of the meaning.
 */
export function resolveAbbreviation(word: string, contextZone: string): AbbreviationResult {
  const abbreviation = word.toUpperCase();
  const meanings = Object.hasOwn(ABBREVIATIONS, abbreviation) ? ABBREVIATIONS[abbreviation] : undefined;
  if (!meanings || meanings.length === 0) return { ok: false, reason: `unknown zone abbreviation "${word}"` };
  const inContext = meanings.find((x) => x.zones.includes(contextZone));
  if (inContext) return { ok: true, abbreviation, offset: inContext.offset, zone: contextZone, meaning: inContext };
  const only = meanings[0]!;
  if (meanings.length === 1 || abbreviation === 'CDT') {
    const zone = only.offset === 0 ? 'UTC' : (only.zones[0] ?? fixedZoneName(only.offset));
    return { ok: true, abbreviation, offset: only.offset, zone, meaning: only };
  }
  const names = meanings.map((x) => `${x.name} (${fixedZoneName(x.offset)}, ${x.zones[0] ?? '?'})`).join(', ');
  return {
    ok: false,
    reason: `"${abbreviation}" is ambiguous in zone ${contextZone}: it may mean ${names}; write an offset such as ${fmtOffset(only.offset)} or set the file's timezone`,
  };
}

/** Abbreviation used by `zone` at a given UTC offset, for display (`CDT`, `CEST`). */
export function abbreviationFor(zone: string, offset: number): string | null {
  let byOffset = labels.get(zone);
  if (!byOffset) labels.set(zone, (byOffset = new Map<number, string | null>()));
  let label = byOffset.get(offset);
  if (label === undefined) byOffset.set(offset, (label = lookUpAbbreviation(zone, offset)));
  return label;
}
/** abbreviationFor's answers by zone and offset: every event's time is labelled, from a table scanned once per pair. */
const labels = new Map<string, Map<number, string | null>>();

function lookUpAbbreviation(zone: string, offset: number): string | null {
  if (zone === 'UTC' && offset === 0) return 'UTC';
  for (const [abbr, meanings] of Object.entries(ABBREVIATIONS)) {
    if (abbr === 'UT' || abbr === 'Z') continue;
    if (meanings.some((x) => x.offset === offset && x.zones.includes(zone))) return abbr;
  }
  return null;
}

function fmtOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
