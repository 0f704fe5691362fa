/**
 * Median and 90th percentile of the known values of a metric. Unknown values (null)
 * are counted as missing, never guessed.
 *
 * - median: the middle value, or the mean of the two middle values of an even count;
 * - p90: nearest rank, the value at position ⌈0.9·n⌉ of the values sorted ascending
 *   (always a value that occurred).
 */

export interface Spread {
  /** Incidents with a value. */
  n: number;
  /** Incidents without one. */
  missing: number;
  median_s: number | null;
  p90_s: number | null;
}

export function median(sortedAsc: readonly number[]): number | null {
  const n = sortedAsc.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 ? sortedAsc[mid]! : (sortedAsc[mid - 1]! + sortedAsc[mid]!) / 2;
}

/** Nearest-rank percentile, `p` in (0, 1]. */
export function nearestRank(sortedAsc: readonly number[], p: number): number | null {
  if (sortedAsc.length === 0) return null;
  return sortedAsc[Math.max(0, Math.ceil(p * sortedAsc.length) - 1)]!;
}

export function spread(values: ReadonlyArray<number | null>): Spread {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  return { n: known.length, missing: values.length - known.length, median_s: median(known), p90_s: nearestRank(known, 0.9) };
}
