/**
 * `match` / `exclude`: regular expressions tested on the raw line (or CSV record,
 * or JSON/YAML item) before it is parsed, so that lines a source does not want cost
 * one regex test and nothing else. A line is kept when it matches `match` (if set)
 * and does not match `exclude` (if set). The expressions are used as written,
 * without flags (`(?i)` is not JavaScript: write `[Ff]ailed` for a case-insensitive
 * letter). Records dropped here are not parsed, so they are never counted as
 * malformed.
 */
import { compileRegex } from './spec.js';
import type { SourceSpec } from './types.js';

export type LineFilter = (line: string) => boolean;

export type FilterResult = { ok: true; filter: LineFilter } | { ok: false; key: 'match' | 'exclude'; reason: string };

const KEEP_ALL: LineFilter = () => true;

/** Builds the filter of a spec; reports the first regular expression that does not compile. */
export function buildFilter(spec: Pick<SourceSpec, 'match' | 'exclude'>): FilterResult {
  const compiled: Partial<Record<'match' | 'exclude', RegExp>> = {};
  for (const key of ['match', 'exclude'] as const) {
    const source = spec[key];
    if (source === undefined || source === '') continue;
    const re = compileRegex(source);
    if (typeof re === 'string') return { ok: false, key, reason: re };
    compiled[key] = re;
  }
  const { match, exclude } = compiled;
  if (match && exclude) return { ok: true, filter: (line) => match.test(line) && !exclude.test(line) };
  if (match) return { ok: true, filter: (line) => match.test(line) };
  if (exclude) return { ok: true, filter: (line) => !exclude.test(line) };
  return { ok: true, filter: KEEP_ALL };
}

/** Describes the filters for messages, e.g. `match /Failed password/`. */
export function describeFilter(spec: Pick<SourceSpec, 'match' | 'exclude'>): string {
  const parts: string[] = [];
  if (spec.match) parts.push(`match /${spec.match}/`);
  if (spec.exclude) parts.push(`exclude /${spec.exclude}/`);
  return parts.join(' and ');
}
