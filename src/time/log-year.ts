/**
 * The year of a log line written without one (`Dec 28 09:58:01`, HexChat's
 * `Sep 02 08:45:12`): the one that puts the date nearest the incident's T0. A log
 * kept past New Year then rolls forward line by line (see `yearAfter`). Every date is
 * within half a year of T0 in some year, so a line about half a year away (150 days
 * or more) is one whose year cannot be told: the caller warns.
 */

const DAY_MS = 86_400_000;

/** From this distance from T0 on, a yearless line gets a warning. */
export const FAR_FROM_T0_DAYS = 150;

/** The year (T0's, the one before or the one after) that puts `month`/`day` nearest `near` (epoch ms). */
export function yearNearest(month: number, day: number, near: number): number {
  const y = new Date(near).getUTCFullYear();
  let best = y;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of [y - 1, y, y + 1]) {
    const distance = Math.abs(Date.UTC(candidate, month - 1, day) - near);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Whole days between two instants. */
export function daysApart(a: number, b: number): number {
  return Math.floor(Math.abs(a - b) / DAY_MS);
}

/** True when a yearless line at `at` is far enough from T0 to warn (cheap: call before {@link farFromT0}). */
export function isFarFromT0(at: number, near: number): boolean {
  return Math.abs(at - near) >= FAR_FROM_T0_DAYS * DAY_MS;
}

/** The warning for a line far from T0, or null when it is near enough. */
export function farFromT0(stamp: string, at: number, near: number): string | null {
  const days = daysApart(at, near);
  if (days < FAR_FROM_T0_DAYS) return null;
  const t0 = new Date(near).toISOString().slice(0, 10);
  return `${stamp} has no year and is ${days} days from T0 (${t0}) in the nearest year; set \`year:\` on the source if the log is from another year`;
}
