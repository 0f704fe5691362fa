/**
 * The math of the drawn time axis: a piecewise-linear scale from instants to
 * positions where long quiet gaps are cut out and replaced by a fixed-size break,
 * so a report received three days before T0 and events minutes apart both read
 * well. Pure and unit-free (milliseconds in, positions out).
 *
 * Which gaps break: the span between the first and the last instant is looked at
 * largest gap first; a gap is cut while it is at least `minGapMs` long and at
 * least `ratio` of the time still drawn linearly. So after the cuts no remaining
 * gap takes more than `ratio` of the drawn time, whatever the scale (minutes or weeks).
 * A gap is only between events: a range (start–end) is never cut.
 */

export interface AxisSpan {
  start: number;
  end: number | null;
}

export interface AxisOptions {
  /** Length available for the axis (px). */
  length: number;
  /** Length of one break (px). */
  breakLength?: number;
  /** Shortest length of a linear segment, so a lone event keeps room (px). */
  minSegment?: number;
  /** A gap shorter than this is never cut (ms). Default 1 hour. */
  minGapMs?: number;
  /** A gap is cut when it is at least this share of the time still drawn. Default 0.4. */
  ratio?: number;
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
export function chooseBreaks(spans: readonly AxisSpan[], opts: Pick<AxisOptions, 'minGapMs' | 'ratio' | 'maxBreaks'> = {}): Array<{ from: number; to: number }> {
  const minGap = opts.minGapMs ?? 3_600_000;
  const ratio = opts.ratio ?? 0.4;
  const max = opts.maxBreaks ?? 8;
  if (spans.length === 0) return [];
  const first = Math.min(...spans.map((s) => s.start));
  const last = Math.max(...spans.map((s) => Math.max(s.start, s.end ?? s.start)));
  let drawn = last - first;
  const chosen: Array<{ from: number; to: number }> = [];
  const bySize = quietGaps(spans).sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
  for (const g of bySize) {
    const len = g.to - g.from;
    if (chosen.length >= max || len < minGap || len < ratio * drawn) break;
    chosen.push(g);
    drawn -= len;
  }
  return chosen.sort((a, b) => a.from - b.from);
}

export function axisScale(spans: readonly AxisSpan[], opts: AxisOptions): AxisScale {
  const breakLength = opts.breakLength ?? 48;
  const minSegment = opts.minSegment ?? 12;
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
  const total = bounds.reduce((sum, [a, b]) => sum + (b - a), 0);
  const free = Math.max(0, opts.length - cuts.length * breakLength - bounds.length * minSegment);
  const segments: Segment[] = [];
  const breaks: Break[] = [];
  let p = 0;
  bounds.forEach(([a, b], i) => {
    const size = minSegment + (total > 0 ? (free * (b - a)) / total : free / bounds.length);
    segments.push({ from: a, to: b, p0: p, p1: p + size });
    p += size;
    const cut = cuts[i];
    if (cut) {
      breaks.push({ from: cut.from, to: cut.to, ms: cut.to - cut.from, p0: p, p1: p + breakLength });
      p += breakLength;
    }
  });
  const at = (ms: number): number => {
    for (const s of segments) {
      if (ms <= s.to) {
        if (ms < s.from) break;
        return s.to === s.from ? (s.p0 + s.p1) / 2 : s.p0 + ((ms - s.from) / (s.to - s.from)) * (s.p1 - s.p0);
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
