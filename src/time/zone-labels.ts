/**
 * The one zone-label rule, as data for the browser: the `<pm-timeline>` element labels times
 * exactly as the site and the CLI do (format.ts `zoneLabel`): the abbreviation pm's table
 * gives the zone at that offset (`JST`, `IST`, `CDT`), else the offset (`UTC+5:45`) — never
 * the browser's locale names. The build writes this table into the element.
 */
import { ABBREVIATIONS } from './abbreviations.js';
import { LINKS } from './zones.js';

/** Zone name (canonical and legacy spellings) → UTC offset in minutes → label. */
export type ZoneLabelTable = Record<string, Record<string, string>>;

let table: ZoneLabelTable | null = null;

export function zoneLabelTable(): ZoneLabelTable {
  if (table) return table;
  const out: ZoneLabelTable = {};
  // Same order as abbreviationFor: the first abbreviation listed for a zone and offset wins.
  for (const [abbr, meanings] of Object.entries(ABBREVIATIONS)) {
    if (abbr === 'UT' || abbr === 'Z') continue;
    for (const m of meanings) {
      for (const zone of m.zones) {
        const byOffset = (out[zone] ??= {});
        byOffset[String(m.offset)] ??= abbr;
      }
    }
  }
  // Browsers may name the viewer's zone by a legacy link (Chrome: `Asia/Calcutta`).
  for (const [alias, zone] of Object.entries(LINKS)) {
    const labels = out[zone];
    if (labels && !out[alias]) out[alias] = labels;
  }
  table = out;
  return out;
}
