/**
 * RFC 5424 syslog: `<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD [MSG]`.
 * TIMESTAMP is ISO 8601 with fractional seconds and an offset (`-` when unknown,
 * which makes the line unusable); STRUCTURED-DATA is `-` or `[id k="v" …]…` with
 * `\"`, `\\` and `\]` escapes inside values. The event text is MSG (a leading
 * UTF-8 BOM removed), or the structured data when there is no MSG.
 */
import type { SourceClock } from './clock.js';
import { isoInstant, parseIso } from './timestamp.js';
import { bad, type ParseOutcome, type ParsedRecord } from './types.js';

export interface Header5424 {
  timestamp: string;
  host: string;
  app: string;
  procid: string;
  msgid: string;
}

/** End index (exclusive) of the structured data starting at `i`, or -1 when malformed. */
export function structuredDataEnd(line: string, i: number): number {
  if (line.charCodeAt(i) === 45 /* - */) return i + 1;
  let p = i;
  while (line.charCodeAt(p) === 91 /* [ */) {
    let inQuotes = false;
    p++;
    for (;;) {
      if (p >= line.length) return -1;
      const c = line.charCodeAt(p);
      if (inQuotes && c === 92 /* \ */) p += 2;
      else {
        if (c === 34 /* " */) inQuotes = !inQuotes;
        else if (c === 93 /* ] */ && !inQuotes) break;
        p++;
      }
    }
    p++;
  }
  return p === i ? -1 : p;
}

/** Parses the rest of a 5424 line after `<PRI>1 `. */
export function parse5424(line: string, from: number, clock: SourceClock): ParseOutcome | ParsedRecord {
  const fields: string[] = [];
  let i = from;
  for (let k = 0; k < 5; k++) {
    const sp = line.indexOf(' ', i);
    if (sp < 0) return bad('RFC 5424 header is incomplete (timestamp host app procid msgid)');
    fields.push(line.slice(i, sp));
    i = sp + 1;
  }
  const [timestamp = '-'] = fields;
  if (timestamp === '-') return bad('RFC 5424 line without a timestamp (`-`)');
  const iso = parseIso(timestamp);
  if (!iso || !timestamp.includes('T')) return bad('the RFC 5424 timestamp is not ISO 8601');
  const sdEnd = structuredDataEnd(line, i);
  if (sdEnd < 0) return bad('RFC 5424 structured data is not closed');
  const sd = line.slice(i, sdEnd);
  if (sdEnd < line.length && line.charCodeAt(sdEnd) !== 32) return bad('RFC 5424 structured data is not followed by a space');
  let msg = sdEnd < line.length ? line.slice(sdEnd + 1) : '';
  if (msg.charCodeAt(0) === 0xfeff) msg = msg.slice(1);
  const t = isoInstant(iso, clock);
  if (!t.ok) return bad(`${t.reason}; line skipped`, 'source/invalid-date');
  const text = msg.trim() !== '' ? msg : sd !== '-' ? sd : [fields[2], fields[4]].filter((f) => f && f !== '-').join(' ');
  const rec: ParsedRecord = { ok: true, at: t.at, zone: t.zone, text };
  if (t.precision) rec.precision = t.precision;
  if (t.note) rec.note = t.note;
  return rec;
}
