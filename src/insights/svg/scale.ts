/** Axis helpers shared by the charts: round tick steps and duration units. */

/** Ticks from 0 to at least `max`: steps of 1, 2 or 5 × 10^k, about `count` of them; whole steps for counts. */
export function niceTicks(max: number, count = 4, whole = false): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(whole ? 1 : 0, ([1, 2, 5, 10].find((m) => m * pow >= raw) ?? 10) * pow);
  const ticks: number[] = [];
  for (let v = 0; v < max + step - 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

export interface DurationUnit {
  seconds: number;
  /** `min`, `h`, `d` after a tick value. */
  suffix: string;
  name: string;
}

const UNITS: DurationUnit[] = [
  { seconds: 60, suffix: 'm', name: 'minutes' },
  { seconds: 3600, suffix: 'h', name: 'hours' },
  { seconds: 86400, suffix: 'd', name: 'days' },
];

/** Minutes up to 2 hours, hours up to 3 days, days beyond. */
export function durationUnit(maxSeconds: number): DurationUnit {
  return maxSeconds <= 7200 ? UNITS[0]! : maxSeconds <= 3 * 86400 ? UNITS[1]! : UNITS[2]!;
}

/** A number for a label: at most one decimal, no trailing `.0`. */
export function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** Fixed one decimal for SVG coordinates (stable bytes). */
export function px(n: number): string {
  return n.toFixed(1);
}
