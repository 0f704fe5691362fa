/**
 * CSV logs: a header row, then one event per record. The time and text columns are
 * found by name (or `time_field` / `text_field`); quoted fields may hold commas,
 * doubled quotes and line breaks (a record then spans several lines and keeps the
 * line it starts on). `;` and tab separators are recognised from the header.
 * Records are split with csv-parse.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { SourceClock } from './clock.js';
import { applyExtras, findKey, TEXT_NAMES, TIME_NAMES } from './fields.js';
import { parseTimeValue } from './timestamp.js';
import { bad, SourceError, type ParseOutcome, type ParsedRecord, type RecordParser } from './types.js';

export interface CsvOptions {
  clock: SourceClock;
  timeField?: string;
  textField?: string;
}

function quotes(line: string): number {
  let n = 0;
  for (let i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i + 1)) n++;
  return n;
}

export class CsvParser implements RecordParser {
  private pending: string | null = null;
  private header: string[] | null = null;
  private delimiter = ',';
  private timeCol = -1;
  private textCol = -1;

  constructor(private readonly opts: CsvOptions) {}

  /** Joins physical lines into a record; null while a quoted field is still open. */
  assemble(line: string): string | null {
    const joined = this.pending === null ? line : `${this.pending}\n${line}`;
    if (quotes(joined) % 2 === 1) {
      this.pending = joined;
      return null;
    }
    this.pending = null;
    return joined;
  }

  /** A record still open at the end of the file (an unclosed quote). */
  leftover(): string | null {
    return this.pending;
  }

  private fields(record: string): string[] | string {
    try {
      const rows = parseCsv(record, { delimiter: this.delimiter, relax_column_count: true, relax_quotes: true });
      return rows[0] ?? [];
    } catch (err) {
      // csv-parse's message quotes the field; its code says what is wrong.
      return (err as { code?: string }).code ?? 'unreadable';
    }
  }

  parse(record: string): ParseOutcome {
    if (record.trim() === '') return null;
    if (!this.header) {
      this.readHeader(record);
      return null;
    }
    const cells = this.fields(record);
    if (typeof cells === 'string') return bad(`not a CSV record (${cells})`);
    const header = this.header;
    const time = cells[this.timeCol];
    if (time === undefined || time.trim() === '') return bad(`no value in the time column "${header[this.timeCol]}"`);
    const t = parseTimeValue(time, this.opts.clock);
    if (!t.ok) return bad(t.reason);
    const text = this.textCol >= 0 ? (cells[this.textCol] ?? '') : cells.filter((_, i) => i !== this.timeCol).join(' ');
    const rec: ParsedRecord = { ok: true, at: t.at, zone: t.zone, text };
    if (t.precision) rec.precision = t.precision;
    if (t.note) rec.note = t.note;
    applyExtras(rec, (key) => {
      const i = header.findIndex((h) => h.toLowerCase() === key);
      return i >= 0 ? cells[i] : undefined;
    });
    return rec;
  }

  private readHeader(record: string): void {
    if (!record.includes(',')) this.delimiter = record.includes(';') ? ';' : record.includes('\t') ? '\t' : ',';
    const cells = this.fields(record);
    if (typeof cells === 'string') throw new SourceError('source/csv-header', `the header row is not CSV (${cells})`, 1);
    this.header = cells.map((c) => c.trim());
    const timeKey = findKey(this.header, TIME_NAMES, this.opts.timeField);
    if (timeKey === undefined) {
      const wanted = this.opts.timeField ?? TIME_NAMES.join(', ');
      throw new SourceError('source/csv-header', `no time column in the header (looked for ${wanted}; set \`time_field\`)`, 1);
    }
    this.timeCol = this.header.indexOf(timeKey);
    const textKey = findKey(this.header, TEXT_NAMES, this.opts.textField);
    if (this.opts.textField !== undefined && textKey === undefined) {
      throw new SourceError('source/csv-header', `no column "${this.opts.textField}" (the configured \`text_field\`)`, 1);
    }
    this.textCol = textKey === undefined ? -1 : this.header.indexOf(textKey);
  }
}
