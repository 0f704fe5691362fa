/**
 * How wide each piece of the drawn axis is, so that width reads as duration: every drawn
 * stretch (a run of events drawn linearly) and every cut gap (a quiet gap drawn short,
 * behind a `//` mark) gets a width that never decreases with its duration:
 *
 *   stretch of duration S:  room + k·S                   (proportional among stretches)
 *   cut gap of duration g:  room + min(k·g, max over a shorter than g of
 *                                        k·a + growth·log2(g / max(a, unit)))
 *
 * where a runs over 0, the stretches and the quiet gaps drawn linearly inside them. So a cut
 * gap is at least as wide as anything drawn that is shorter than it (the distance between two
 * dots across a cut is room more than the cut), never wider than a longer stretch (nor than
 * its own linear width), and longer cut gaps are wider. `k` is
 * solved so the pieces fill the length; when they cannot (only points and cuts, or more
 * pieces than room) every width is scaled by one factor, which keeps the order.
 */

export interface WidthOptions {
  length: number;
  /** Room every piece gets, so a lone event keeps space and a `//` mark fits (px). */
  room: number;
  /** What a cut gap gains each time it doubles past the stretch it is compared with (px). */
  growth: number;
  /** The duration a cut gap is compared with when no stretch is shorter (ms). */
  unit: number;
}

export interface Widths {
  /** Width of each stretch, in order. */
  stretches: number[];
  /** Width of each cut gap, in order. */
  cuts: number[];
  /** Pixels per millisecond inside stretches. */
  k: number;
}

/** `drawn`: the quiet gaps drawn linearly inside the stretches (durations, ms). */
export function pieceWidths(stretches: readonly number[], cuts: readonly number[], drawn: readonly number[], o: WidthOptions): Widths {
  const anchors = [...new Set([0, ...stretches, ...drawn])].sort((a, b) => a - b);
  const unit = Math.max(o.unit, 1);
  // k·a + growth·log2(g / max(a, unit)) grows with a below unit and is convex above it, so
  // its maximum over the anchors shorter than g is at one of three of them.
  const below = (limit: number): number | undefined => anchors.filter((a) => a < limit).pop();
  const candidates = cuts.map((g) => [below(Math.min(unit, g)), anchors.find((a) => a >= unit && a < g), below(g)].filter((a): a is number => a !== undefined));
  const cutWidth = (i: number, k: number): number => {
    const g = cuts[i] ?? 0;
    let best = 0;
    for (const a of candidates[i] ?? []) best = Math.max(best, k * a + o.growth * Math.log2(g / Math.max(a, unit)));
    return o.room + Math.min(k * g, best);
  };
  const total = (k: number): number => stretches.reduce((s, d) => s + o.room + k * d, 0) + cuts.reduce((s, _, i) => s + cutWidth(i, k), 0);
  const longest = Math.max(1, ...stretches, ...cuts);
  let k = 0;
  if (total(0) < o.length) {
    let hi = o.length / longest;
    for (let i = 0; i < 200 && total(hi) < o.length && Number.isFinite(hi); i++) hi *= 2;
    let lo = 0;
    for (let i = 0; i < 80; i++) {
      const mid = (lo + hi) / 2;
      if (total(mid) < o.length) lo = mid;
      else hi = mid;
    }
    k = hi;
  }
  // One factor for all: fills the length when growth with k stops (only points and cuts), or
  // shrinks to it when the pieces' room alone is more than the length.
  const sum = total(k);
  const f = sum > 0 ? o.length / sum : 1;
  return {
    stretches: stretches.map((d) => (o.room + k * d) * f),
    cuts: cuts.map((_, i) => cutWidth(i, k) * f),
    k: k * f,
  };
}
