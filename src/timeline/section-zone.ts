/**
 * The zone a Timeline section declares for its entries: in its heading
 * (`Timeline (all times CDT)`, `Timeline — UTC`) or in a note before the first entry
 * (`All times are in Europe/Berlin.`). An abbreviation that the file's own zone uses
 * keeps the file's zone (and its DST rules); another one becomes its fixed offset; a
 * zone name is normalized. Entries that write their own zone are not affected.
 */
import type { Reporter } from '../diagnostics.js';
import { isAbbreviation, resolveAbbreviation } from '../time/abbreviations.js';
import { fixedZoneName, normalizeZone } from '../time/zones.js';

const ZONE = '([A-Za-z][\\w/+:-]*)';
const HEADING = [
  new RegExp(`\\(\\s*(?:all\\s+)?(?:times?\\s+)?(?:are\\s+)?(?:in\\s+)?${ZONE}\\s*\\)\\s*$`, 'i'),
  new RegExp(`[—–:-]\\s*(?:all\\s+)?(?:times?\\s+)?(?:in\\s+)?${ZONE}\\s*$`, 'i'),
];
/** `All times are CDT.`, `(times in UTC)`; other sentences may follow (`All times are UTC. T0 is 12:00.`). */
const NOTE = new RegExp(`^\\s*\\(?\\s*(?:all\\s+)?times\\s+(?:are\\s+)?(?:in\\s+|shown\\s+in\\s+)?${ZONE}\\s*(?:\\.?\\s*\\)?\\s*$|\\.\\s)`, 'i');

type Place = { line: number; column: number };

/** `Timeline`, `Incident timeline`, `Detailed Timeline (all times CDT)`. */
export const TIMELINE_TITLE = /^\s*(?:[\p{L}-]+\s+){0,2}?timeline\b/iu;

/** The zone of the entries under a Timeline heading; `fileZone` when it names none. */
export function sectionZone(heading: string, fileZone: string, reporter: Reporter, place: Place): string {
  const rest = heading.replace(TIMELINE_TITLE, '');
  for (const re of HEADING) {
    const zone = zoneOf(re.exec(rest)?.[1], fileZone, reporter, place);
    if (zone) return zone;
  }
  return fileZone;
}

/** The zone named by a note such as `All times are CDT.`, or null when the text is not one. */
export function zoneNote(text: string, fileZone: string, reporter: Reporter, place: Place): string | null {
  return zoneOf(NOTE.exec(text)?.[1], fileZone, reporter, place);
}

function zoneOf(word: string | undefined, fileZone: string, reporter: Reporter, place: Place): string | null {
  if (!word) return null;
  if (isAbbreviation(word) && word === word.toUpperCase()) {
    const a = resolveAbbreviation(word, fileZone);
    if (!a.ok) {
      reporter.error('timeline/zone', a.reason, place);
      return fileZone;
    }
    if (a.offset === 0) return 'UTC';
    return a.zone === fileZone ? fileZone : fixedZoneName(a.offset);
  }
  const z = normalizeZone(word);
  return z.ok && (word.includes('/') || /^(utc|gmt)/i.test(word)) ? z.zone : null;
}
