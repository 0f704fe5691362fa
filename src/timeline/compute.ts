/**
 * Puts events on one axis: stable sort by instant, T0, offsets and deltas as elapsed
 * seconds between instants, the check of offsets the author wrote, and the metrics.
 * The timeline keeps its diagnostics (those given and those found here) in file/line
 * order; a public timeline drops the ones that point at an `[internal]` event's line.
 */
import { sortDiagnostics, type Diagnostic, type Reporter } from '../diagnostics.js';
import { formatDelta, formatOffset } from './duration.js';
import { resolveRelative } from './relative.js';
import type { ComputedEvent, Milestone, Timeline, TimelineEvent, TimelineMetrics } from './types.js';

export interface ComputeOptions {
  /** T0 from the front-matter, epoch ms. */
  t0?: number | null;
  displayZone: string;
  reporter: Reporter;
  /** Leave out `[internal]` events (T0 and metrics are computed before they are dropped). */
  public?: boolean;
  /** Diagnostics found before about these events (reading the entries, the logs). */
  diagnostics?: readonly Diagnostic[];
}

/** Sorted by instant; equal instants keep their input order. */
export function sortEvents<T extends Pick<TimelineEvent, 'at'>>(events: readonly T[]): T[] {
  return events
    .map((e, i) => [e, i] as const)
    .sort((a, b) => a[0].at - b[0].at || a[1] - b[1])
    .map(([e]) => e);
}

export function computeTimeline(events: readonly TimelineEvent[], opts: ComputeOptions): Timeline {
  // Relative entries (`T+2h`, `+40m`) are placed from the T0 of the others, then T0 is found again.
  const written = events.filter((e) => !e.relative);
  const placed = resolveRelative(events, findT0(sortEvents(written), opts.t0 ?? null).t0, opts.reporter);
  const sorted = sortEvents(placed);
  const { t0, t0Source, approximate } = findT0(sorted, opts.t0 ?? null);
  const metrics = computeMetrics(sorted, t0);
  const kept = opts.public ? sorted.filter((e) => !e.internal) : sorted;
  const out: ComputedEvent[] = [];
  const lastByFile = new Map<string, ComputedEvent>();
  for (const e of kept) {
    const prev = out[out.length - 1];
    const c: ComputedEvent = {
      ...e,
      offsetS: t0 === null ? null : seconds(e.at - t0),
      deltaS: prev ? seconds(e.at - prev.at) : null,
    };
    checkWritten(c, lastByFile.get(e.source.file), opts.reporter);
    lastByFile.set(e.source.file, c);
    out.push(c);
  }
  const diagnostics = sortDiagnostics([...(opts.diagnostics ?? []), ...opts.reporter.list]);
  return {
    t0,
    t0Source,
    ...(approximate ? { t0Approximate: true } : {}),
    displayZone: opts.displayZone,
    events: out,
    metrics,
    diagnostics: opts.public ? publicOnly(diagnostics, sorted) : diagnostics,
  };
}

/** Drops diagnostics that point at the line of an `[internal]` event. */
function publicOnly(diagnostics: readonly Diagnostic[], events: readonly TimelineEvent[]): Diagnostic[] {
  const hidden = new Set(events.filter((e) => e.internal).map((e) => `${e.source.line} ${e.source.file}`));
  return diagnostics.filter((d) => !hidden.has(`${d.line} ${d.file}`));
}

/** T0: the front-matter's, else the `[T0]` entry, a written T±0, the first `[detected]`, the first event. */
export function findT0(sorted: readonly TimelineEvent[], given: number | null): { t0: number | null; t0Source: Timeline['t0Source']; approximate?: boolean } {
  if (given !== null) return { t0: given, t0Source: 'front-matter' };
  const from = (e: TimelineEvent, t0Source: Timeline['t0Source']) => ({ t0: e.at, t0Source, approximate: e.approximate });
  const marked = sorted.find((e) => e.isT0 || e.milestone === 't0') ?? sorted.find((e) => e.written?.offset?.seconds === 0);
  if (marked) return from(marked, 'marker');
  const detected = sorted.find((e) => e.milestone === 'detected');
  if (detected) return from(detected, 'milestone');
  const first = sorted[0];
  return first ? from(first, 'first-event') : { t0: null, t0Source: 'none' };
}

const METRICS: Array<[keyof TimelineMetrics, Milestone]> = [
  ['time_to_detect_s', 'detected'],
  ['time_to_acknowledge_s', 'acknowledged'],
  ['time_to_mitigate_s', 'mitigated'],
  ['time_to_resolve_s', 'resolved'],
];

/** Seconds from T0 to the first event of each milestone; null when either is unknown. */
export function computeMetrics(sorted: readonly TimelineEvent[], t0: number | null): TimelineMetrics {
  const m: TimelineMetrics = { time_to_detect_s: null, time_to_acknowledge_s: null, time_to_mitigate_s: null, time_to_resolve_s: null };
  if (t0 === null) return m;
  for (const [key, milestone] of METRICS) {
    // An entry with a time wins over a date written alone (its midnight is not a measurement).
    const e = sorted.find((x) => x.milestone === milestone && !x.dateOnly) ?? sorted.find((x) => x.milestone === milestone);
    m[key] = e ? seconds(e.at - t0) : null;
  }
  return m;
}

/** A written offset or delta that differs from the computed one by a written unit or more. */
function checkWritten(e: ComputedEvent, prevSameFile: ComputedEvent | undefined, reporter: Reporter): void {
  const w = e.written;
  if (!w) return;
  const place = w.place ?? { line: e.source.line, column: e.source.column ?? 0 };
  if (w.offset && e.offsetS !== null && Math.abs(w.offset.seconds - e.offsetS) >= w.offset.precision) {
    reporter.warn('timeline/offset-mismatch', `written ${formatOffset(w.offset.seconds)}, computed ${formatOffset(e.offsetS)} (from T0)`, place);
  }
  if (w.delta && prevSameFile) {
    const delta = seconds(e.at - prevSameFile.at);
    if (Math.abs(w.delta.seconds - delta) >= w.delta.precision) {
      reporter.warn(
        'timeline/delta-mismatch',
        `written ${formatDelta(w.delta.seconds)}, computed ${formatDelta(delta)} since the entry before (line ${prevSameFile.source.line})`,
        place,
      );
    }
  }
}

/** Milliseconds → seconds, without float noise below the microsecond. */
function seconds(ms: number): number {
  return Number((ms / 1000).toFixed(6)) + 0;
}
