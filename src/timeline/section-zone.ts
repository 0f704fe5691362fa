/**
 * A Timeline heading may name the zone of its entries: `Timeline (all times CDT)`,
 * `Timeline (times in UTC)`, `Timeline — Europe/Berlin`. An abbreviation that the
 * file's own zone uses keeps the file's zone (its DST rules); another one becomes its
 * fixed offset; a zone name is normalized.
 */
import type { Reporter } from '../diagnostics.js';
import { isAbbreviation, resolveAbbreviation } from '../time/abbreviations.js';
import { fixedZoneName, normalizeZone } from '../time/zones.js';

const PATTERNS = [
  /\(\s*(?:all\s+)?(?:times?\s+)?(?:are\s+)?(?:in\s+)?([A-Za-z][\w/+:-]*(?:[+-]\d{1,2}(?::\d{2})?)?)\s*\)\s*$/i,
  /[—–:-]\s*(?:all\s+)?(?:times?\s+)?(?:in\s+)?([A-Za-z][\w/+:-]*)\s*$/i,
];

/** The zone of the entries under a Timeline heading; `fileZone` when it names none. */
export function sectionZone(heading: string, fileZone: string, reporter: Reporter, place: { line: number; column: number }): string {
  const rest = heading.replace(/^\s*timeline\b/i, '');
  for (const re of PATTERNS) {
    const word = re.exec(rest)?.[1];
    if (!word) continue;
    if (isAbbreviation(word) && word === word.toUpperCase()) {
      const a = resolveAbbreviation(word, fileZone);
      if (!a.ok) {
        reporter.error('timeline/zone', a.reason, place);
        return fileZone;
      }
      if (a.zone === fileZone || a.offset === 0) return a.offset === 0 ? 'UTC' : fileZone;
      return fixedZoneName(a.offset);
    }
    const z = normalizeZone(word);
    if (z.ok && (word.includes('/') || /^(utc|gmt)/i.test(word))) return z.zone;
  }
  return fileZone;
}
