/**
 * What an author writes next to a timeline entry besides its time: milestone markers
 * (`[T0]`, `[detected]`, …, `[internal]`) and written offsets (`(T-3days)`,
 * `(T+7hours, +1h40m)`, `(+1h40m)`). Both are read here and removed from the text.
 * A written zero offset is T0 too: `(T-0)`, `(T+0)`, `(T0)`, and `T-0` / `T+0` standing
 * alone (`(T-0)` stays a written offset as well, checked like the others).
 */
import type { Milestone, WrittenOffsets } from './types.js';
import { parseOffset } from './duration.js';

const MARKER = /\s*\[\s*(t[-+]?0|detected|impact|acknowledged|ack|mitigated|resolved|internal)\s*\]/gi;

const NAMES: Record<string, Milestone | 'internal'> = {
  t0: 't0',
  't-0': 't0',
  't+0': 't0',
  detected: 'detected',
  impact: 'detected',
  acknowledged: 'acknowledged',
  ack: 'acknowledged',
  mitigated: 'mitigated',
  resolved: 'resolved',
  internal: 'internal',
};

/** `(T0)`, and bare `T-0` / `T+0`: markers, removed from the text. */
const T0_WORD = /\s*(?:\(\s*T\s*0\s*\)|(?<![\w(])T\s?[-+−]\s?0(?![\w.:,]*\d)(?![\w(]))/gi;
/** `(T-0)`, `(T+0)`, `(T-0, +5h)`: written offsets (findWritten removes them) that mark T0. */
const T0_OFFSET = /\(\s*T\s*[-+−]\s*0\s*(?:[),]|(?:h|hours?|m|min|minutes?|s|sec|seconds?|d|days?)\s*[),])/i;

export interface Markers {
  milestone: Milestone | null;
  /** `[T0]` was written (possibly together with another milestone). */
  t0: boolean;
  internal: boolean;
}

/** Collects markers from a text; the milestone is the first one other than `[T0]`. */
export function readMarkers(text: string, into: Markers): Markers {
  for (const m of text.matchAll(MARKER)) {
    const name = NAMES[(m[1] ?? '').toLowerCase()];
    if (name === 'internal') into.internal = true;
    else if (name === 't0') into.t0 = true;
    else if (name && into.milestone === null) into.milestone = name;
  }
  T0_WORD.lastIndex = 0;
  if (T0_WORD.test(text) || T0_OFFSET.test(text)) into.t0 = true;
  T0_WORD.lastIndex = 0;
  if (into.t0 && into.milestone === null) into.milestone = 't0';
  return into;
}

/** Length of the markers written before an entry's timestamp (`[T0] 03:25 …`). */
export function leadingMarkers(text: string): number {
  return /^(?:\s*\[\s*(?:t[-+]?0|detected|impact|acknowledged|ack|mitigated|resolved|internal)\s*\])+\s*/i.exec(text)?.[0].length ?? 0;
}

/** Removes every marker from a text. */
export function stripMarkers(text: string): string {
  return text.replace(MARKER, '').replace(T0_WORD, '');
}

const WRITTEN = /\s*\(\s*((?:T\s*)?[+\-−]\s*[0-9][^(),]*?)\s*(?:,\s*([+\-−]\s*[0-9][^(),]*?)\s*)?\)/i;

/**
 * Finds the first written offset in a text: `(T-3days)`, `(T+7hours, +1h40m)`,
 * `(+1h40m)`. Returns it with the exact matched text (to strip), or null.
 */
export function findWritten(text: string): { written: WrittenOffsets; match: string } | null {
  const m = WRITTEN.exec(text);
  if (!m) return null;
  const first = (m[1] ?? '').replace(/−/g, '-');
  const second = m[2]?.replace(/−/g, '-');
  const isOffset = /^T/i.test(first);
  const a = parseOffset(first);
  const b = second !== undefined ? parseOffset(second) : null;
  if (!a || (second !== undefined && (!b || !isOffset))) return null;
  const written: WrittenOffsets = {
    raw: m[0]
      .trim()
      .replace(/^\(|\)$/g, '')
      .trim(),
  };
  if (isOffset) written.offset = a;
  else written.delta = a;
  if (b) written.delta = b;
  return { written, match: m[0] };
}
