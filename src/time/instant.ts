/**
 * Local wall-clock times → UTC instants, with DST gaps and overlaps made explicit.
 * Luxon silently shifts a non-existent local time and silently picks one side of an
 * ambiguous one; here both are reported so the author can be told which instant
 * was taken.
 */
import { DateTime } from 'luxon';
import { luxonZone } from './zones.js';

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export type LocalResolution =
  | { ok: true; ms: number; note?: { kind: 'gap' | 'overlap'; message: string } }
  | { ok: false; reason: string };

/**
 * Resolves a wall time in `zone`. In a DST gap the wall time is read with the offset
 * in force before the gap (02:30 in a spring-forward gap becomes 03:30 daylight time);
 * in an overlap the earlier instant is taken unless `preferLater`.
 */
export function resolveLocal(w: WallTime, zone: string, preferLater = false): LocalResolution {
  const z = luxonZone(zone);
  const probe = DateTime.fromObject(w, { zone: z });
  if (!probe.isValid) return { ok: false, reason: probe.invalidExplanation ?? 'invalid date' };
  if (probe.day !== w.day || probe.month !== w.month) {
    return { ok: false, reason: `${w.year}-${pad(w.month)}-${pad(w.day)} does not exist` };
  }
  if (z.isUniversal) return { ok: true, ms: probe.toMillis() };
  // Offsets in force around this wall time: an hour of slack covers every DST rule.
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  const candidates = new Set<number>();
  for (const probeMs of [asUtc - 86_400_000, asUtc, asUtc + 86_400_000]) {
    candidates.add(z.offset(probeMs));
  }
  const instants = [...candidates]
    .map((off) => asUtc - off * 60_000)
    .filter((ms) => z.offset(ms) * 60_000 === asUtc - ms)
    .sort((a, b) => a - b);
  const wall = `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
  if (instants.length === 0) {
    const before = z.offset(asUtc - 86_400_000);
    const ms = asUtc - before * 60_000;
    const taken = DateTime.fromMillis(ms, { zone: z }).toFormat("yyyy-LL-dd HH:mm ZZZZ");
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

export function iso(ms: number): string {
  return new Date(Math.floor(ms)).toISOString();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
