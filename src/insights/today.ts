/**
 * The day follow-ups are judged on: `--today YYYY-MM-DD`, else SOURCE_DATE_EPOCH (the
 * reproducible-builds convention: seconds since 1970, taken as a UTC day), else none —
 * then overdue items are marked in the reader's browser and the build stays the same
 * bytes whatever the clock says.
 */
import { readDay } from '../check/actions.js';

export type TodayResult = { ok: true; today: string | null } | { ok: false; message: string };

export function resolveToday(flag: string | undefined, sourceDateEpoch: string | undefined): TodayResult {
  if (flag !== undefined) {
    const day = readDay(flag);
    return day ? { ok: true, today: day } : { ok: false, message: `--today must be a day written YYYY-MM-DD, not "${flag}"` };
  }
  if (sourceDateEpoch === undefined || sourceDateEpoch === '') return { ok: true, today: null };
  if (!/^\d{1,12}$/.test(sourceDateEpoch)) {
    return { ok: false, message: `SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, not "${sourceDateEpoch}"` };
  }
  return { ok: true, today: new Date(Number(sourceDateEpoch) * 1000).toISOString().slice(0, 10) };
}

/** A library caller's `today`, checked (a bad day throws). */
export function checkedToday(today: string | null | undefined): string | null {
  if (today === undefined || today === null) return null;
  if (!readDay(today)) throw new TypeError(`today must be a day written YYYY-MM-DD, not "${today}"`);
  return today;
}
