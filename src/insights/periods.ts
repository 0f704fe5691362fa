/**
 * Months and quarters of incidents: an incident belongs to the month of its date in
 * its display zone (the day its page shows), so the grouping never depends on the
 * machine's zone. Ranges are continuous: a month without incidents is a zero, not a gap.
 */

/** `2024-03` from `2024-03-11`. */
export function monthOf(dateIso: string): string {
  return dateIso.slice(0, 7);
}

/** `2024-Q1` from `2024-03-11`. */
export function quarterOf(dateIso: string): string {
  return `${dateIso.slice(0, 4)}-Q${Math.ceil(Number(dateIso.slice(5, 7)) / 3)}`;
}

/** Every month from `first` to `last` (both `YYYY-MM`), in order. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  const end = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7));
  while (y * 12 + m <= end) {
    out.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** Every quarter from `first` to `last` (both `YYYY-Qn`), in order. */
export function quarterRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, q] = [Number(first.slice(0, 4)), Number(first.slice(6))];
  const end = Number(last.slice(0, 4)) * 4 + Number(last.slice(6));
  while (y * 4 + q <= end) {
    out.push(`${String(y).padStart(4, '0')}-Q${q}`);
    if (++q > 4) [y, q] = [y + 1, 1];
  }
  return out;
}
