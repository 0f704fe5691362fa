/**
 * Local wall-clock times → UTC instants, with DST gaps and overlaps made explicit.
 * Luxon silently shifts a non-existent local time and silently picks one side of an
 * ambiguous one; here both are reported so the author can be told which instant
 * was taken.
 */
import { formatLocal } from './format.js';
import { luxonZone, zoneOffset } from './zones.js';

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export type LocalResolution = { ok: true; ms: number; note?: { kind: 'gap' | 'overlap'; message: string } } | { ok: false; reason: string };

/**
 * Resolves a wall time in `zone`. In a DST gap the wall time is read with the offset
 * in force before the gap (02:30 in a spring-forward gap becomes 03:30 daylight time);
 * in an overlap the earlier instant is taken unless `preferLater`.
 */
export function resolveLocal(w: WallTime, zone: string, preferLater = false): LocalResolution {
  if (!validWall(w)) return { ok: false, reason: `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)} does not exist` };
  const asUtc = wallAsUtc(w);
  const z = luxonZone(zone);
  if (z.isUniversal) return { ok: true, ms: asUtc - z.offset(asUtc) * 60_000 };
  const offset = (at: number): number => zoneOffset(zone, at);
  // Offsets in force around this wall time: a day of slack covers every DST rule.
  const candidates = new Set<number>();
  for (const probeMs of [asUtc - 86_400_000, asUtc, asUtc + 86_400_000]) {
    candidates.add(offset(probeMs));
  }
  const instants = [...candidates]
    .map((off) => asUtc - off * 60_000)
    .filter((ms) => offset(ms) * 60_000 === asUtc - ms)
    .sort((a, b) => a - b);
  const wall = `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
  if (instants.length === 0) {
    const before = offset(asUtc - 86_400_000);
    const ms = asUtc - before * 60_000;
    const taken = formatLocal(ms, zone);
    return {
      ok: true,
      ms,
      note: { kind: 'gap', message: `${wall} does not exist in ${zone} (DST gap); took ${taken} (${iso(ms)})` },
    };
  }
  if (instants.length > 1) {
    const ms = preferLater ? instants[instants.length - 1]! : instants[0]!;
    const which = preferLater ? 'later' : 'earlier';
    return {
      ok: true,
      ms,
      note: {
        kind: 'overlap',
        message: `${wall} happens twice in ${zone} (DST overlap); took the ${which}, ${iso(ms)}`,
      },
    };
  }
  return { ok: true, ms: instants[0]! };
}

/** The wall time read as if it were UTC (exact for years 0–99 too). */
function wallAsUtc(w: WallTime): number {
  const d = new Date(Date.UTC(2000, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond));
  d.setUTCFullYear(w.year);
  return d.getTime();
}

function validWall(w: WallTime): boolean {
  if (![w.year, w.month, w.day, w.hour, w.minute, w.second, w.millisecond].every(Number.isInteger)) return false;
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.hour < 0 || w.hour > 23 || w.minute < 0 || w.minute > 59) return false;
  if (w.second < 0 || w.second > 59 || w.millisecond < 0 || w.millisecond > 999) return false;
  const d = new Date(wallAsUtc(w));
  return d.getUTCDate() === w.day && d.getUTCMonth() === w.month - 1;
}

export function iso(ms: number): string {
  return new Date(Math.floor(ms)).toISOString();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
