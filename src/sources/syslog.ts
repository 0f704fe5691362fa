/**
 * syslog lines: RFC 3164 (`Jan  7 22:23:17 host prog[pid]: msg`, with or without
 * `<PRI>`), rsyslog high-precision ISO lines (`2026-01-07T22:23:17.123456+01:00 host
 * prog: msg`) and RFC 5424 (delegated to syslog5424.ts). RFC 3164 carries no year:
 * it comes from the context — the year that puts the first line nearest T0 when T0 is
 * known (log-year.ts; a line still ~6 months away warns), else `year` — and a date more
 * than half a year before the line before (Dec → Jan) rolls it forward. `Feb 29` in a year that is not a leap year is never
 * read as March 1: the line is skipped with a warning, like any malformed line.
 * The hot path reads characters by code, without regular expressions.
 */
import type { SourceClock } from './clock.js';
import { isoInstant, parseIso, fractionMs, precisionOf } from './timestamp.js';
import { readRepeat, syslogMessage } from './syslog-tag.js';
import { parse5424 } from './syslog5424.js';
import { yearAfter } from '../time/timestamp-parts.js';
import { farFromT0, isFarFromT0, yearNearest } from '../time/log-year.js';
import { bad, type ParseOutcome, type ParsedRecord, type RecordParser } from './types.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_CODES = new Map<number, number>(MONTHS.map((m, i) => [(m.charCodeAt(0) << 16) | (m.charCodeAt(1) << 8) | m.charCodeAt(2), i + 1]));

/** Month number of the 3-letter English abbreviation at `p`, without slicing. */
function monthAt(line: string, p: number): number | undefined {
  return MONTH_CODES.get((line.charCodeAt(p) << 16) | (line.charCodeAt(p + 1) << 8) | line.charCodeAt(p + 2));
}

function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

function two(text: string, i: number): number {
  const a = digit(text, i);
  const b = digit(text, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/** Index just after a `<PRI>` prefix, or 0. */
function skipPri(line: string): number {
  if (line.charCodeAt(0) !== 60 /* < */) return 0;
  const close = line.indexOf('>', 1);
  return close > 1 && close <= 4 ? close + 1 : 0;
}

export class SyslogParser implements RecordParser {
  private year: number;
  private prevMonth = 0;
  private prevDay = 0;
  private lastMessage = '';
  private warnedFar = false;

  constructor(
    private readonly clock: SourceClock,
    year: number,
    /** T0 (epoch ms): the first yearless line takes the year nearest it. */
    private readonly near: number | null = null,
  ) {
    this.year = year;
  }

  parse(line: string): ParseOutcome {
    if (line.length === 0 || line.trim() === '') return null;
    const start = skipPri(line);
    const c0 = line.charCodeAt(start);
    if (start > 0 && c0 === 49 /* 1 */ && line.charCodeAt(start + 1) === 32) {
      return this.finish(parse5424(line, start + 2, this.clock));
    }
    if (c0 >= 48 && c0 <= 57) return this.finish(this.parseIsoLine(line, start));
    return this.finish(this.parse3164(line, start));
  }

  private parse3164(line: string, p: number): ParseOutcome | ParsedRecord {
    const month = monthAt(line, p);
    if (month === undefined || line.charCodeAt(p + 3) !== 32) return bad('no syslog timestamp (expected `Mmm dd hh:mm:ss`)');
    let i = p + 4;
    if (line.charCodeAt(i) === 32) i++;
    let day = digit(line, i);
    if (day < 0) return bad('no day of month after the month');
    i++;
    const d2 = digit(line, i);
    if (d2 >= 0) {
      day = day * 10 + d2;
      i++;
    }
    if (line.charCodeAt(i) !== 32) return bad('no time after the day of month');
    const h = two(line, i + 1);
    const mi = two(line, i + 4);
    const s = two(line, i + 7);
    if (h < 0 || mi < 0 || s < 0 || line.charCodeAt(i + 3) !== 58 || line.charCodeAt(i + 6) !== 58) {
      return bad('no time of day (expected `hh:mm:ss`)');
    }
    i += 9;
    let fraction = '';
    if (line.charCodeAt(i) === 46 /* . */) {
      let j = i + 1;
      while (digit(line, j) >= 0) j++;
      fraction = line.slice(i + 1, j);
      i = j;
    }
    let note: string | undefined;
    let guessed: string | undefined;
    if (this.prevMonth === 0 && this.near !== null) {
      const year = yearNearest(month, day, this.near);
      if (year !== this.year)
        guessed = `${line.slice(p, i)} has no year: read as ${year}, the year that puts it nearest T0 (not ${this.year}); set \`year:\` on the source to choose`;
      this.year = year;
    }
    if (this.prevMonth > 0 && month !== this.prevMonth) {
      const wrap = yearAfter(month, day, { year: this.year, month: this.prevMonth, day: this.prevDay });
      if (wrap.rolled) {
        note = `the date went back from ${MONTHS[this.prevMonth - 1]} ${this.prevDay} to ${MONTHS[month - 1]} ${day}: read as ${wrap.year}`;
        this.year = wrap.year;
      }
    }
    this.prevMonth = month;
    this.prevDay = day;
    const r = this.clock.local(this.year, month, day, h, mi, s, fractionMs(fraction));
    if (!r.ok) {
      const leap = month === 2 && day === 29;
      return bad(
        leap ? `Feb 29 does not exist in ${this.year}; line skipped — set \`year:\` on the source if the log is from a leap year` : `${r.reason}; line skipped`,
        'source/invalid-date',
      );
    }
    const rec: ParsedRecord = { ok: true, at: r.ms, zone: this.clock.zone, text: syslogMessage(line, i) };
    const precision = precisionOf(fraction);
    if (precision) rec.precision = precision;
    const far = this.near === null || this.warnedFar || !isFarFromT0(r.ms, this.near) ? null : farFromT0(line.slice(p, i), r.ms, this.near);
    if (r.note) rec.note = r.note.message;
    else if (far) {
      this.warnedFar = true;
      rec.note = far;
    } else if (note ?? guessed) {
      rec.note = note ?? guessed;
      rec.noteLevel = 'info';
    }
    return rec;
  }

  private parseIsoLine(line: string, p: number): ParseOutcome | ParsedRecord {
    const sp = line.indexOf(' ', p);
    const stamp = sp < 0 ? line.slice(p) : line.slice(p, sp);
    const iso = parseIso(stamp);
    if (!iso || sp < 0) return bad('no syslog timestamp (expected an ISO 8601 time then the host)');
    const t = isoInstant(iso, this.clock);
    if (!t.ok) return bad(`${t.reason}; line skipped`, 'source/invalid-date');
    const rec: ParsedRecord = { ok: true, at: t.at, zone: t.zone, text: syslogMessage(line, sp + 1) };
    if (t.precision) rec.precision = t.precision;
    if (t.note) rec.note = t.note;
    return rec;
  }

  /** Applies `message repeated N times` folding and remembers the last message. */
  private finish(out: ParseOutcome | ParsedRecord): ParseOutcome {
    if (!out || !out.ok) return out;
    const repeat = readRepeat(out.text);
    if (repeat) {
      out.count = repeat.count;
      out.text = repeat.message ?? (this.lastMessage || out.text);
    }
    this.lastMessage = out.text;
    return out;
  }
}
