import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axisScale } from '../../../src/render/axis/layout.js';
import { buildSite } from '../../../src/build/build.js';
import { tempDir } from '../../cli/helpers.js';
import { horizontalGeometry, writeShapes, type AxisGeometry, type ShapeSlug } from './shapes.js';

const MIN = 60_000;

let root: string;
const pages = new Map<string, string>();
beforeAll(async () => {
  root = tempDir('pm-axis-shapes-');
  writeShapes(root);
  const r = await buildSite({ root, write: false });
  for (const p of r.pages) pages.set(p.path, String(p.contents));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const geometry = (slug: ShapeSlug): AxisGeometry => horizontalGeometry(pages.get(`incidents/${slug}/index.html`) ?? '');
const steps = (xs: number[]): number[] => xs.slice(1).map((x, i) => x - xs[i]!);

describe('the drawn axis keeps width in proportion to time', () => {
  it('tilde-style night: the 30-minute stretch is the narrowest step, then 8h30m, then 9h20m', () => {
    const g = geometry('2018-11-13-tilde');
    expect(g.marks).toHaveLength(4);
    const [half, night, day] = steps(g.marks) as [number, number, number];
    expect(half).toBeLessThan(night);
    expect(night).toBeLessThan(day);
    // drawn linearly (no gap is cut): the 8h30m step is 17 times the 30-minute one
    expect(g.breaks).toEqual([]);
    // (the SVG writes positions to 0.1 px)
    expect(night / half).toBeCloseTo(17, 1);
    expect(day / half).toBeCloseTo(560 / 30, 1);
  });

  it('hashbang-style report: the days before T0 are cut, ordered and labelled; the incident day is linear', () => {
    const g = geometry('2020-09-02-hashbang');
    expect(g.marks).toHaveLength(6);
    const s = steps(g.marks);
    // 17h50m and 55h55m are cut; 5h20m, 1h43m and 3h40m are drawn in proportion
    expect(g.breaks.map((b) => b.label)).toEqual(['17h 50m', '2d 7h']);
    expect(s[1]!).toBeGreaterThan(s[0]!);
    expect(s[3]! / s[2]!).toBeCloseTo(103 / 320, 2);
    expect(s[4]! / s[2]!).toBeCloseTo(220 / 320, 2);
    // a cut gap is never drawn narrower than anything shorter than it
    expect(s[0]!).toBeGreaterThan(Math.max(s[2]!, s[3]!, s[4]!));
    expect(s[0]!).toBeGreaterThan(g.marks[5]! - g.marks[2]!);
    // the dots are not evenly spaced
    expect(new Set(s.map((x) => x.toFixed(0))).size).toBe(5);
  });

  it('a burst of minute-apart events after a report three days before: one cut, the minutes linear', () => {
    const g = geometry('2024-03-11-burst');
    expect(g.breaks.map((b) => b.label)).toEqual(['3d 5h']);
    const s = steps(g.marks);
    const minute = s[1]!; // 14:00 → 14:01
    expect(
      s
        .slice(1)
        .map((x) => x / minute)
        .map((r) => Number(r.toFixed(1))),
    ).toEqual([1, 1, 2, 3, 5, 8]);
    expect(s[0]!).toBeGreaterThan(g.marks[7]! - g.marks[1]!);
  });
});

describe('property: over random event sets', () => {
  const instants = fc
    .array(fc.integer({ min: 0, max: 30 * 24 * 60 }), { minLength: 1, maxLength: 40 })
    .map((mins) => [...mins].sort((a, b) => a - b).map((m) => Date.UTC(2024, 0, 1) + m * MIN));
  const length = fc.integer({ min: 200, max: 1200 });

  it('a longer step between consecutive events is never drawn shorter; drawn steps share one scale; the axis is filled', () => {
    fc.assert(
      fc.property(instants, length, (ts, len) => {
        const scale = axisScale(
          ts.map((t) => ({ start: t, end: null })),
          { length: len },
        );
        const xs = ts.map((t) => scale.at(t));
        const eps = 1e-6 * len;
        for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThanOrEqual(xs[i - 1]! - eps);
        expect(Math.min(...xs)).toBeGreaterThanOrEqual(-eps);
        expect(Math.max(...xs)).toBeLessThanOrEqual(len + eps);
        const last = scale.segments.at(-1)!;
        const lastBreak = scale.breaks.at(-1);
        expect(Math.max(last.p1, lastBreak?.p1 ?? 0)).toBeCloseTo(len, 6);
        const dt = ts.slice(1).map((t, i) => t - ts[i]!);
        const dx = steps(xs);
        for (let i = 0; i < dt.length; i++) {
          for (let j = 0; j < dt.length; j++) if (dt[i]! < dt[j]!) expect(dx[i]!).toBeLessThanOrEqual(dx[j]! + eps);
        }
        const cut = (t: number): boolean => scale.breaks.some((b) => b.from === t);
        const linear = dt.flatMap((d, i) => (d > 0 && !cut(ts[i]!) ? [dx[i]! / d] : []));
        for (const k of linear) expect(k).toBeCloseTo(linear[0]!, 9);
        // cut gaps: wider when longer, and each longer than every step drawn linearly
        const widths = scale.breaks.map((b) => ({ ms: b.ms, w: b.p1 - b.p0 }));
        for (const a of widths) for (const b of widths) if (a.ms < b.ms) expect(a.w).toBeLessThanOrEqual(b.w + eps);
        for (const b of scale.breaks) for (let i = 0; i < dt.length; i++) if (!cut(ts[i]!)) expect(dt[i]!).toBeLessThanOrEqual(b.ms);
      }),
      { numRuns: 300 },
    );
  });

  it('a longer drawn stretch is never narrower than a shorter stretch or cut gap', () => {
    fc.assert(
      fc.property(instants, length, (ts, len) => {
        const scale = axisScale(
          ts.map((t) => ({ start: t, end: null })),
          { length: len },
        );
        const pieces = [...scale.segments.map((s) => ({ ms: s.to - s.from, w: s.p1 - s.p0 })), ...scale.breaks.map((b) => ({ ms: b.ms, w: b.p1 - b.p0 }))];
        for (const a of pieces) for (const b of pieces) if (a.ms < b.ms) expect(a.w).toBeLessThanOrEqual(b.w + 1e-6 * len);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the vertical drawing (a phone) keeps the same order', () => {
  it('tilde-style night: steps down the axis grow with the time between events', () => {
    const html = pages.get('incidents/2018-11-13-tilde/index.html') ?? '';
    const svg = /<svg class="pm-axis-v"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    const ys = [...svg.matchAll(/<circle (?:class="ax-dot" )?cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
    expect(ys).toHaveLength(4);
    const [half, night, day] = steps(ys) as [number, number, number];
    expect(half).toBeLessThan(night);
    expect(night).toBeLessThan(day);
  });
});
