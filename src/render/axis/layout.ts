/**
 * The math of the drawn time axis: a piecewise-linear scale from instants to
 * positions where long quiet gaps are cut short behind a break, so a report received
 * three days before T0 and events minutes apart both read well. Width reads as
 * duration: what is drawn linearly is in proportion, and a longer stretch or gap is
 * never drawn narrower than a shorter one (widths.ts). Pure and unit-free
 * (milliseconds in, positions out).
 *
 * Which gaps break: none when every step between events, drawn linearly over the
 * length, is at least `minStep` wide (nothing is crowded). Otherwise the gaps are looked
 * at largest first; a gap may be cut when it is
 * at least `minGapMs` long and at least `ratio` of the whole span. The cut stops where
 * the next gap is at most half as long (the last such jump), and at least one gap
 * stays drawn: a three-day lead-in is cut while the hours of the incident day keep their
 * proportions, and gaps of similar length are all drawn or all cut. A range (start–end)
 * is never cut.
 */

import { pieceWidths } from './widths.js';

export interface AxisSpan {
  start: number;
  end: number | null;
}

export interface AxisOptions {
  /** Length available for the axis (px). */
  length: number;
  /** What a cut gap gains each time it doubles past the stretch it is compared with (px). Default 10. */
  breakGrowth?: number;
  /** Room every drawn stretch and every break gets, so a lone event and a `//` mark fit (px). Default 16. */
  minSegment?: number;
  /** A gap shorter than this is never cut (ms). Default 1 hour. */
  minGapMs?: number;
  /** A gap may be cut when it is at least this share of the whole span. Default 0.1. */
  ratio?: number;
  /** Nothing is cut when every step between events, drawn linearly, is at least this wide (px). Default 16. */
  minStep?: number;
  /** At most this many breaks. Default 8. */
  maxBreaks?: number;
}

export interface Segment {
  from: number;
  to: number;
  p0: number;
  p1: number;
}

export interface Break {
  from: number;
  to: number;
  /** Length of the quiet gap (ms). */
  ms: number;
  p0: number;
  p1: number;
}

export interface AxisScale {
  segments: Segment[];
  breaks: Break[];
  length: number;
  /** Position of an instant; instants inside a break fall on the break, outside the span are clamped. */
  at(ms: number): number;
}

/** Quiet gaps between the spans: between the end of what came before and the next start. */
export function quietGaps(spans: readonly AxisSpan[]): Array<{ from: number; to: number }> {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const gaps: Array<{ from: number; to: number }> = [];
  let reach = -Infinity;
  for (const s of sorted) {
    if (reach !== -Infinity && s.start > reach) gaps.push({ from: reach, to: s.start });
    reach = Math.max(reach, s.end ?? s.start, s.start);
  }
  return gaps;
}

/** The gaps to cut, in time order. */
export function chooseBreaks(
  spans: readonly AxisSpan[],
  opts: Pick<AxisOptions, 'minGapMs' | 'ratio' | 'maxBreaks' | 'minStep'> & { length?: number } = {},
): Array<{ from: number; to: number }> {
  const minGap = opts.minGapMs ?? 3_600_000;
  const ratio = opts.ratio ?? 0.1;
  const max = opts.maxBreaks ?? 8;
  if (spans.length === 0) return [];
  const first = Math.min(...spans.map((s) => s.start));
  const last = Math.max(...spans.map((s) => Math.max(s.start, s.end ?? s.start)));
  const span = last - first;
  const gaps = quietGaps(spans);
  if (opts.length !== undefined && span > 0) {
    const shortest = Math.min(...gaps.map((g) => g.to - g.from).filter((d) => d > 0));
    if (!Number.isFinite(shortest) || (shortest / span) * opts.length >= (opts.minStep ?? 16)) return [];
  }
  const bySize = gaps.sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
  const len = (i: number): number => {
    const g = bySize[i];
    return g ? g.to - g.from : 0;
  };
  let allowed = 0;
  while (allowed < Math.min(max, bySize.length - 1) && len(allowed) >= minGap && len(allowed) >= ratio * span) allowed++;
  let count = 0;
  for (let c = 1; c <= allowed; c++) if (len(c - 1) >= 2 * len(c)) count = c;
  return bySize.slice(0, count).sort((a, b) => a.from - b.from);
}

export function axisScale(spans: readonly AxisSpan[], opts: AxisOptions): AxisScale {
  if (spans.length === 0) return { segments: [], breaks: [], length: opts.length, at: () => opts.length / 2 };
  const first = Math.min(...spans.map((s) => s.start));
  const last = Math.max(...spans.map((s) => Math.max(s.start, s.end ?? s.start)));
  const cuts = chooseBreaks(spans, opts);
  const bounds: Array<[number, number]> = [];
  let from = first;
  for (const c of cuts) {
    bounds.push([from, c.from]);
    from = c.to;
  }
  bounds.push([from, last]);
  const cut = new Set(cuts.map((c) => c.from));
  const drawn = quietGaps(spans)
    .filter((g) => !cut.has(g.from))
    .map((g) => g.to - g.from);
  const widths = pieceWidths(
    bounds.map(([a, b]) => b - a),
    cuts.map((c) => c.to - c.from),
    drawn,
    {
      length: opts.length,
      room: opts.minSegment ?? 16,
      growth: opts.breakGrowth ?? 10,
      unit: opts.minGapMs ?? 3_600_000,
    },
  );
  const segments: Segment[] = [];
  const breaks: Break[] = [];
  let p = 0;
  bounds.forEach(([a, b], i) => {
    const size = widths.stretches[i] ?? 0;
    segments.push({ from: a, to: b, p0: p, p1: p + size });
    p += size;
    const cut = cuts[i];
    if (cut) {
      const w = widths.cuts[i] ?? 0;
      breaks.push({ from: cut.from, to: cut.to, ms: cut.to - cut.from, p0: p, p1: p + w });
      p += w;
    }
  });
  const at = (ms: number): number => {
    for (const s of segments) {
      if (ms <= s.to) {
        if (ms < s.from) break;
        // Every stretch has the same scale (k px/ms) around its room, centred.
        const pad = (s.p1 - s.p0 - widths.k * (s.to - s.from)) / 2;
        return s.p0 + pad + widths.k * (ms - s.from);
      }
    }
    const b = breaks.find((x) => ms > x.from && ms < x.to);
    if (b) return (b.p0 + b.p1) / 2;
    return ms <= first ? (segments[0]?.p0 ?? 0) : (segments[segments.length - 1]?.p1 ?? opts.length);
  };
  return { segments, breaks, length: opts.length, at };
}

/** A label to place along the axis: `pos` is where it points, `size` its extent along the axis. */
export interface LabelRequest {
  pos: number;
  size: number;
  /** Which part of the label sits at `pos` (default middle). */
  align?: 'start' | 'middle' | 'end';
}

/**
 * Places labels (sorted by position) within [0, length], each in the first lane
 * (row) where it does not overlap the label before it. Returns the lane and the
 * anchor position, moved inwards when the label would stick out of the axis.
 */
export function placeLabels(labels: readonly LabelRequest[], length: number, gap = 6): Array<{ lane: number; pos: number }> {
  const laneEnds: number[] = [];
  return labels.map((l) => {
    const size = Math.min(l.size, length);
    const share = l.align === 'start' ? 0 : l.align === 'end' ? 1 : 0.5;
    const left = Math.min(Math.max(l.pos - size * share, 0), length - size);
    let lane = laneEnds.findIndex((end) => end + gap <= left);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = left + size;
    return { lane, pos: left + size * share };
  });
}

/**
 * One column of labels (the vertical drawing): each label at its position or
 * pushed just below the one before, then the whole tail pulled back up when it
 * runs past the end. Input sorted by position; returns the centres.
 */
export function stackLabels(positions: readonly number[], size: number, length: number): number[] {
  const out: number[] = [];
  for (const p of positions) out.push(Math.max(p, (out[out.length - 1] ?? -Infinity) + size));
  for (let i = out.length - 1, limit = length; i >= 0; i--, limit -= size) {
    out[i] = Math.min(out[i] as number, limit);
  }
  return out;
}
