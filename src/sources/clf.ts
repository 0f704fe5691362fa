/**
 * Apache/nginx access logs, common and combined formats:
 * `127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /x HTTP/1.0" 200 2326 "ref" "ua"`.
 * The event text is `GET /x → 200`; the request line is attacker-controlled and
 * kept as raw text (escaped later). The zone is the written offset (or the source
 * zone when it has that offset at that instant).
 */
import type { SourceClock } from './clock.js';
import { fractionMs, precisionOf } from './timestamp.js';
import { bad, type ParseOutcome, type ParsedRecord, type RecordParser } from './types.js';

const MONTHS: Record<string, number> = {
  Jan: 1,
  Feb: 2,
  Mar: 3,
  Apr: 4,
  May: 5,
  Jun: 6,
  Jul: 7,
  Aug: 8,
  Sep: 9,
  Oct: 10,
  Nov: 11,
  Dec: 12,
};

// host ident user [time] "request" status bytes — no nested quantifiers.
const LINE =
  /^(\S+) (\S+) (\S+) \[(\d{1,2})\/([A-Za-z]{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))? ([+-])(\d{2}):?(\d{2})\] "((?:[^"\\]|\\.)*)" (\d{3}|-) (\d+|-)/;

export class ClfParser implements RecordParser {
  constructor(private readonly clock: SourceClock) {}

  parse(line: string): ParseOutcome {
    if (line.trim() === '') return null;
    const m = LINE.exec(line);
    if (!m) return bad('not a common/combined access log line (host ident user [date] "request" status bytes)');
    const month = MONTHS[m[5]!];
    if (month === undefined) return bad('unknown month name (expected Jan, Feb, … Dec)');
    const y = Number(m[6]);
    const d = Number(m[4]);
    const offset = (Number(m[12]) * 60 + Number(m[13])) * (m[11] === '-' ? -1 : 1);
    const wall = Date.UTC(y, month - 1, d, Number(m[7]), Number(m[8]), Number(m[9]));
    if (new Date(wall).getUTCDate() !== d) return bad(`${m[4]}/${m[5]}/${m[6]} does not exist; line skipped`, 'source/invalid-date');
    const fraction = m[10] ?? '';
    const at = wall - offset * 60_000 + fractionMs(fraction);
    const rec: ParsedRecord = {
      ok: true,
      at,
      zone: this.clock.zoneForOffset(offset, at),
      text: requestText(m[14] ?? '', m[15] ?? '-'),
    };
    const precision = precisionOf(fraction);
    if (precision) rec.precision = precision;
    return rec;
  }
}

/** `GET /path?q HTTP/1.1` + `200` → `GET /path?q → 200`. */
export function requestText(request: string, status: string): string {
  const unescaped = request.replace(/\\(["\\])/g, '$1');
  const parts = unescaped.split(' ');
  const shown = parts.length === 3 && /^HTTP\/\d/.test(parts[2] ?? '') ? `${parts[0]} ${parts[1]}` : unescaped || '-';
  return `${shown} → ${status}`;
}
