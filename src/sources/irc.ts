/**
 * IRC client logs, one line at a time, whichever client wrote them:
 *   weechat  `2020-09-02 08:45:12<TAB>alice<TAB>message`
 *   irssi    `08:45 <alice> message`, dated by `--- Log opened Wed Sep 02 10:20:00 2020`
 *            and `--- Day changed Thu Sep 03 2020` lines
 *   ZNC      `[08:45:12] <alice> message`, dated by a `YYYY-MM-DD` in the file name
 *   HexChat  `Sep 02 08:45:12 <alice>\tmessage`, the year from `**** BEGIN LOGGING AT …`
 *            or, without one, the year nearest T0
 * Wall times are read in the source zone. Joins, parts, quits and mode changes are
 * left out unless `include_joins: true`.
 */
import type { SourceClock } from './clock.js';
import { readIrcMessage } from './irc-message.js';
import { farFromT0, isFarFromT0, yearNearest } from '../time/log-year.js';
import { yearAfter } from '../time/timestamp-parts.js';
import { bad, type ParseOutcome, type ParsedRecord, type RecordParser } from './types.js';

export interface IrcOptions {
  clock: SourceClock;
  /** Path of the log: ZNC logs carry their date in the file name. */
  file: string;
  /** Year for HexChat lines when the log never says it and no T0 is known. */
  year: number;
  /** T0 (epoch ms): HexChat lines without a year take the year nearest it. */
  near: number | null;
  includeJoins: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEECHAT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})\t([^\t]*)\t?(.*)$/s;
const ZNC = /^\[(\d{2}):(\d{2})(?::(\d{2}))?\] (.*)$/s;
const IRSSI = /^(\d{2}):(\d{2})(?::(\d{2}))? (.*)$/s;
const HEXCHAT = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (.*)$/s;
/** `--- Log opened Wed Sep 02 10:20:00 2020`, `--- Day changed Thu Sep 03 2020`. */
const IRSSI_DATE = /^--- (?:Log opened|Day changed) \w{3} (\w{3}) {1,2}(\d{1,2})(?: \d{2}:\d{2}(?::\d{2})?)? (\d{4})\s*$/;
const HEXCHAT_BEGIN = /^\*\*\*\* (?:BEGIN|ENDING) LOGGING AT \w{3} (\w{3}) {1,2}(\d{1,2}) \d{2}:\d{2}:\d{2} (\d{4})\s*$/;
const FILE_DATE = /(\d{4})-?(\d{2})-?(\d{2})(?!.*\d{4}-?\d{2}-?\d{2})/;

interface Day {
  year: number;
  month: number;
  day: number;
}

function monthOf(name: string): number {
  return MONTHS.indexOf(name.toLowerCase()) + 1;
}

export class IrcParser implements RecordParser {
  /** Date of time-only lines (irssi: from the log's own lines; ZNC: from the file name). */
  private day: Day | null;
  /** HexChat: year from `BEGIN LOGGING`, or chosen nearest T0; then rolled past New Year. */
  private hexYear: number | null = null;
  private hexPrev: Day | null = null;
  private warnedFar = false;

  constructor(private readonly o: IrcOptions) {
    const m = FILE_DATE.exec(o.file.slice(o.file.lastIndexOf('/') + 1));
    this.day = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  }

  parse(line: string): ParseOutcome {
    if (line.trim() === '') return null;
    let m = WEECHAT.exec(line);
    if (m) return this.record(m[0].slice(0, 19), { year: +m[1]!, month: +m[2]!, day: +m[3]! }, +m[4]!, +m[5]!, +m[6]!, weechatBody(m[7]!, m[8]!));
    if ((m = IRSSI_DATE.exec(line))) {
      this.day = { year: +m[3]!, month: monthOf(m[1]!), day: +m[2]! };
      return null;
    }
    if ((m = HEXCHAT_BEGIN.exec(line))) {
      this.hexYear = +m[3]!;
      this.hexPrev = null;
      return null;
    }
    if (line.startsWith('--- Log closed') || line.startsWith('**** ')) return null;
    if ((m = ZNC.exec(line)) ?? (m = IRSSI.exec(line))) {
      if (!this.day) {
        if (readIrcMessage(m[4]!).kind === 'membership' && !this.o.includeJoins) return null;
        return line.startsWith('[')
          ? bad('no date for this line: a ZNC log takes its date from a YYYY-MM-DD in its file name; rename the file so that it has one')
          : bad('no date for this line yet: an irssi log needs a `--- Log opened …` or `--- Day changed …` line before it');
      }
      return this.record(line.slice(0, line.length - m[4]!.length).trim(), this.day, +m[1]!, +m[2]!, +(m[3] ?? 0), m[4]!);
    }
    if ((m = HEXCHAT.exec(line))) {
      const month = monthOf(m[1]!);
      const day = +m[2]!;
      if (month === 0) return bad(`"${m[1]}" is not a month`);
      const date = this.hexDate(month, day);
      return this.record(line.slice(0, line.length - m[6]!.length).trim(), date, +m[3]!, +m[4]!, +m[5]!, m[6]!, true);
    }
    return bad('not an IRC log line (expected a weechat, irssi, ZNC or HexChat timestamp)');
  }

  private hexDate(month: number, day: number): Day {
    if (this.hexYear === null) {
      this.hexYear = this.o.near !== null ? yearNearest(month, day, this.o.near) : this.o.year;
    } else if (this.hexPrev && month !== this.hexPrev.month) {
      this.hexYear = yearAfter(month, day, this.hexPrev).year;
    }
    this.hexPrev = { year: this.hexYear, month, day };
    return this.hexPrev;
  }

  private record(stamp: string, d: Day, h: number, mi: number, s: number, body: string, yearless = false): ParseOutcome {
    const msg = readIrcMessage(body);
    if (msg.kind === 'membership' && !this.o.includeJoins) return null;
    if (msg.text === '') return null;
    const r = this.o.clock.local(d.year, d.month, d.day, h, mi, s);
    if (!r.ok) return bad(`${r.reason}; line skipped`, 'source/invalid-date');
    const rec: ParsedRecord = { ok: true, at: r.ms, zone: this.o.clock.zone, text: msg.text };
    if (r.note) rec.note = r.note.message;
    else if (yearless && this.o.near !== null && !this.warnedFar && isFarFromT0(r.ms, this.o.near)) {
      const far = farFromT0(stamp, r.ms, this.o.near);
      if (far) {
        this.warnedFar = true;
        rec.note = far;
      }
    }
    return rec;
  }
}

/** weechat's middle column is the nick, or `-->`, `<--`, `--`, ` *` for what is not a message. */
function weechatBody(prefix: string, message: string): string {
  const p = prefix.trim();
  if (p === '' || /^(?:-->|<--|--|\*|=!=)$/.test(p)) return `${p}\t${message}`;
  return `<${p}>\t${message}`;
}
