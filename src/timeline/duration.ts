/**
 * Elapsed time as authors and readers write it: offsets from T0 (`T-3d1h45m`, `T+0`,
 * `T+5 hours 20 minutes`) and deltas between events (`+1h40m`). Compact output parses
 * back to the same number of seconds.
 */

export type DurationStyle = 'compact' | 'long';

const UNITS: Array<[seconds: number, compact: string, long: string]> = [
  [86_400, 'd', 'day'],
  [3_600, 'h', 'hour'],
  [60, 'm', 'minute'],
  [1, 's', 'second'],
];

/** `+1h40m`, `-3d`, `+0`; long: `+1 hour 40 minutes`. */
export function formatDelta(seconds: number, style: DurationStyle = 'compact'): string {
  const sign = seconds < 0 ? '-' : '+';
  let rest = Math.abs(seconds);
  if (rest === 0) return '+0';
  const parts: string[] = [];
  for (const [size, c, l] of UNITS) {
    const n = size === 1 ? rest : Math.floor(rest / size);
    if (n === 0) continue;
    rest -= size === 1 ? rest : n * size;
    const num = size === 1 ? trimFraction(n) : String(n);
    parts.push(style === 'compact' ? `${num}${c}` : `${num} ${l}${n === 1 ? '' : 's'}`);
  }
  return sign + parts.join(style === 'compact' ? '' : ' ');
}

/** `T-3d1h45m`, `T+0`, `T+5h20m`; long: `T+5 hours 20 minutes`. */
export function formatOffset(seconds: number, style: DurationStyle = 'compact'): string {
  return `T${formatDelta(seconds, style)}`;
}

/** Keeps sub-second digits (up to µs) without float noise. */
function trimFraction(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
}

export interface ParsedDuration {
  seconds: number;
  /** Size in seconds of the smallest unit written: `T-3days` is exact to a day. */
  precision: number;
}

const UNIT_WORDS: Array<[RegExp, number]> = [
  [/^(?:w|wks?|weeks?)$/i, 604_800],
  [/^(?:d|days?)$/i, 86_400],
  [/^(?:h|hrs?|hours?)$/i, 3_600],
  [/^(?:m|mins?|minutes?)$/i, 60],
  [/^(?:s|secs?|seconds?)$/i, 1],
];

const OFFSET = /^\s*(T\s*)?([+\-−])\s*((?:\d+(?:\.\d+)?\s*[a-z]+\s*,?\s*)+|0)\s*$/i;
const PART = /(\d+(?:\.\d+)?)\s*([a-z]+)/gi;

/**
 * Reads `T-3days`, `T+5hours20minutes`, `T-2.5days`, `T+0`, `+1h40m`, `T+1 hour 40 min`.
 * Returns null when the text is not an offset. A bare `T+0` has a precision of one minute.
 */
export function parseOffset(text: string): ParsedDuration | null {
  const m = OFFSET.exec(text);
  if (!m) return null;
  const sign = m[2] === '+' ? 1 : -1;
  const body = m[3] ?? '';
  if (body === '0') return { seconds: 0, precision: 60 };
  let seconds = 0;
  let precision = Infinity;
  let lastSize = Infinity;
  for (const p of body.matchAll(PART)) {
    const size = UNIT_WORDS.find(([re]) => re.test(p[2] ?? ''))?.[1];
    if (size === undefined || size >= lastSize) return null;
    lastSize = size;
    seconds += Number(p[1]) * size;
    precision = Math.min(precision, size);
  }
  if (!Number.isFinite(precision)) return null;
  return { seconds: sign * Number(seconds.toFixed(6)) + 0, precision };
}
