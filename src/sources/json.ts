/**
 * JSON log records: one object per line (ndjson, `journalctl -o json`) or the
 * elements of a JSON array (json-array.ts). The time field is found by name
 * (`timestamp`, `time`, `ts`, `@timestamp`, `datetime`, `date`, or `time_field`),
 * journald's `_SOURCE_REALTIME_TIMESTAMP` (preferred) / `__REALTIME_TIMESTAMP` (µs)
 * included; the text field likewise (`message`, `msg`, `MESSAGE`, …, `text_field`).
 */
import type { SourceClock } from './clock.js';
import { applyExtras, fieldsText, findKey, getPath, TEXT_NAMES, TIME_NAMES, valueText, type Fields } from './fields.js';
import { DEEP_MESSAGE, syntaxOffset, tooDeep } from './json-guard.js';
import { epochInstant, parseTimeValue } from './timestamp.js';
import { bad, type ParseOutcome, type ParsedRecord, type RecordParser } from './types.js';

export interface JsonOptions {
  clock: SourceClock;
  timeField?: string;
  textField?: string;
}

const JOURNAL_TIMES = ['_SOURCE_REALTIME_TIMESTAMP', '__REALTIME_TIMESTAMP'];

/** One decoded JSON value → a record. */
export function recordFromJson(value: unknown, opts: JsonOptions): ParseOutcome {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return bad('expected a JSON object');
  if (tooDeep(value)) return bad(DEEP_MESSAGE);
  const obj = value as Fields;
  const keys = Object.keys(obj);
  let timeKey: string | undefined;
  let timeValue: unknown;
  if (opts.timeField !== undefined) {
    timeValue = getPath(obj, opts.timeField);
    timeKey = timeValue === undefined ? undefined : opts.timeField;
  } else {
    timeKey = findKey(keys, JOURNAL_TIMES) ?? findKey(keys, TIME_NAMES);
    timeValue = timeKey === undefined ? undefined : obj[timeKey];
  }
  if (timeKey === undefined) {
    const wanted = opts.timeField ?? TIME_NAMES.slice(0, 6).join(', ');
    return bad(`no time field (looked for ${wanted}; set \`time_field\`)`);
  }
  const journal = timeKey === '_SOURCE_REALTIME_TIMESTAMP' || timeKey === '__REALTIME_TIMESTAMP';
  const t =
    journal && typeof timeValue === 'string' && /^\d+$/.test(timeValue)
      ? epochInstant(timeValue.length > 14 ? timeValue : timeValue.padStart(15, '0'), '')
      : parseTimeValue(timeValue, opts.clock);
  if (!t.ok) return bad(`${timeKey}: ${t.reason}`);
  let text: string;
  if (opts.textField !== undefined) {
    const v = getPath(obj, opts.textField);
    if (v === undefined) return bad(`no field "${opts.textField}" (the configured \`text_field\`)`);
    text = valueText(v);
  } else {
    const textKey = findKey(keys, TEXT_NAMES);
    text = textKey === undefined ? fieldsText(obj, timeKey) : valueText(obj[textKey]);
  }
  const rec: ParsedRecord = { ok: true, at: t.at, zone: t.zone, text };
  if (t.precision) rec.precision = t.precision;
  if (t.note) rec.note = t.note;
  applyExtras(rec, (k) => obj[k]);
  return rec;
}

/** ndjson: one JSON object per line; blank lines skipped. */
export class NdjsonParser implements RecordParser {
  constructor(private readonly opts: JsonOptions) {}

  parse(line: string): ParseOutcome {
    const t = line.trim();
    if (!t) return null;
    let value: unknown;
    try {
      value = JSON.parse(t);
    } catch (err) {
      // Where, not what: the engine's message quotes the line, which is not published.
      const at = syntaxOffset(err);
      return bad(at === null ? 'not JSON' : `not JSON (syntax error at column ${at + 1 + line.indexOf(t)})`);
    }
    return recordFromJson(value, this.opts);
  }
}
