/**
 * A `yaml` source is the structured log an author keeps by hand: a list of
 * `{at, text, end?, milestone?, internal?, label?}` (or a mapping whose `events:` /
 * `timeline:` is that list). `at` is read as the text written (YAML 1.2 core schema,
 * so `2017-01-07 22:23` stays a string) in the source zone unless it carries an
 * offset. The document is parsed whole; each item keeps the line it starts on.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { SourceClock } from './clock.js';
import { applyExtras, findKey, TEXT_NAMES, TIME_NAMES, valueText } from './fields.js';
import { parseTimeValue } from './timestamp.js';
import { bad, SourceError, type ParseOutcome, type ParsedRecord } from './types.js';

export interface YamlOptions {
  clock: SourceClock;
  timeField?: string;
  textField?: string;
}

export interface YamlItem {
  line: number;
  /** The item's source text, for `match`/`exclude`. */
  raw: string;
  outcome: ParseOutcome;
}

function plain(node: unknown): unknown {
  if (isScalar(node)) {
    // Keep what the author wrote for strings and numbers alike (`at: 1483827797.5`).
    const src = (node as { source?: unknown }).source;
    return typeof node.value === 'number' && typeof src === 'string' ? src : node.value;
  }
  return node && typeof node === 'object' && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : node;
}

function itemOutcome(node: Node | null, opts: YamlOptions): ParseOutcome {
  if (!isMap(node)) return bad('expected a mapping such as {at: 2017-01-07 22:23, text: …}');
  const obj: Record<string, unknown> = {};
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    obj[key] = plain(pair.value);
  }
  const keys = Object.keys(obj);
  const timeKey = findKey(keys, ['at', ...TIME_NAMES], opts.timeField);
  if (timeKey === undefined) return bad(`no \`${opts.timeField ?? 'at'}\` key`);
  const t = parseTimeValue(obj[timeKey], opts.clock);
  if (!t.ok) return bad(`${timeKey}: ${t.reason}`);
  const textKey = findKey(keys, TEXT_NAMES, opts.textField);
  if (textKey === undefined) return bad(`no \`${opts.textField ?? 'text'}\` key`);
  const rec: ParsedRecord = { ok: true, at: t.at, zone: t.zone, text: valueText(obj[textKey]).trim() };
  if (t.precision) rec.precision = t.precision;
  if (t.note) rec.note = t.note;
  if (obj['end'] !== undefined && obj['end'] !== null) {
    const end = parseTimeValue(obj['end'], opts.clock);
    if (!end.ok) return bad(`end: ${end.reason}`);
    if (end.at < t.at) return bad('`end` is before `at`');
    rec.end = end.at;
  }
  applyExtras(rec, (k) => obj[k]);
  return rec;
}

/** Parses a whole YAML document; throws a {@link SourceError} when it is not a list. */
export function parseYamlItems(text: string, opts: YamlOptions): YamlItem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, version: '1.2', schema: 'core', keepSourceTokens: false });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line ?? 0;
    const column = first.linePos?.[0]?.col ?? 0;
    // The parser's message may quote the document (an alias name, a scalar): its code says what.
    throw new SourceError('source/yaml', `not YAML (${first.code}${line ? ` at line ${line}, column ${column}` : ''})`, line);
  }
  let list: unknown = doc.contents;
  if (isMap(list)) list = list.get('events', true) ?? list.get('timeline', true);
  if (!isSeq(list)) {
    throw new SourceError('source/yaml', 'expected a list of {at, text} entries (or `events:` holding one)', 1);
  }
  return list.items.map((node) => {
    const n = node as Node | null;
    const [offset = 0, end = offset] = n?.range ?? [];
    return { line: lineCounter.linePos(offset).line, raw: text.slice(offset, end), outcome: itemOutcome(n, opts) };
  });
}
