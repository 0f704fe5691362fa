/**
 * A `json` source is one JSON array of objects. It is parsed whole (memory grows
 * with the file: use ndjson for large logs); a small scanner finds the line on
 * which each top-level element starts, so that every event keeps its `file:line`.
 */
import { lineColumn, syntaxOffset } from './json-guard.js';
import { SourceError } from './types.js';

export interface JsonElement {
  value: unknown;
  line: number;
}

/** Lines (1-based) on which each element of the top-level array starts. */
export function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    if (depth === 1 && expectValue) {
      lines.push(line);
      expectValue = false;
    }
    if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
    else if (c === 44 /* , */ && depth === 1) expectValue = true;
  }
  return lines;
}

/** Parses a JSON array document; throws a {@link SourceError} when it is not one. */
export function parseJsonArray(text: string): JsonElement[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const at = syntaxOffset(err);
    const place = at === null ? null : lineColumn(text, at);
    const where = place ? ` (syntax error at line ${place.line}, column ${place.column})` : '';
    throw new SourceError('source/json', `not a JSON document${where}; one object per line is read as ndjson`, place?.line ?? 0);
  }
  if (!Array.isArray(value)) {
    throw new SourceError('source/json', 'expected a JSON array of objects (or one object per line: format ndjson)');
  }
  const lines = elementLines(text);
  return (value as unknown[]).map((v, i) => ({ value: v, line: lines[i] ?? 1 }));
}
