import { describe, expect, it } from 'vitest';
import { axisScale, chooseBreaks, placeLabels, quietGaps, stackLabels } from '../../../src/render/axis/layout.js';
import { renderAxis } from '../../../src/render/axis/axis.js';
import type { Milestone, TimelineEventJson, TimelineJson } from '../../../src/timeline/types.js';

const MIN = 60_000;
const H = 60 * MIN;
const D = 24 * H;
const T0 = Date.UTC(2020, 8, 2, 8, 25);
const pts = (...offsets: number[]) => offsets.map((o) => ({ start: T0 + o, end: null }));

describe('axis layout: which quiet gaps are cut', () => {
  it('cuts a three-day lead-in and keeps the minutes of the incident linear', () => {
    const spans = pts(-3 * D, -2 * D - 7 * H, 0, 5 * H + 20 * MIN, 7 * H, 8 * H + 30 * MIN, 13 * H + 25 * MIN, 14 * H + 45 * MIN);
    const cuts = chooseBreaks(spans);
    expect(cuts.map((c) => (c.to - c.from) / H)).toEqual([17, 55]);
    const scale = axisScale(spans, { length: 700 });
    expect(scale.breaks).toHaveLength(2);
    // the hours after T0 are one linear stretch; each cut gap, longer than it, is drawn wider,
    // and the 55-hour gap wider than the 17-hour one
    const incident = scale.at(T0 + 14 * H + 45 * MIN) - scale.at(T0);
    expect(incident).toBeGreaterThan(150);
    expect(scale.at(T0 + 7 * H) - scale.at(T0)).toBeCloseTo((incident * 7) / 14.75, 6);
    const [b17, b55] = scale.breaks.map((b) => b.p1 - b.p0);
    expect(b17!).toBeGreaterThan(incident);
    expect(b55!).toBeGreaterThan(b17!);
  });

  it('cuts nothing when events are spread evenly, whatever the scale', () => {
    expect(chooseBreaks(pts(0, 10 * MIN, 20 * MIN, 30 * MIN, 40 * MIN))).toEqual([]);
    expect(chooseBreaks(pts(0, 2 * D, 4 * D, 6 * D))).toEqual([]);
  });

  it('never cuts a gap shorter than the minimum, however lopsided', () => {
    expect(chooseBreaks(pts(0, 1000, 40 * MIN))).toEqual([]);
    expect(chooseBreaks(pts(0, 1000, 40 * MIN), { minGapMs: 10 * MIN })).toHaveLength(1);
  });

  it('never cuts through a range', () => {
    const spans = [
      { start: T0, end: T0 + 3 * D },
      { start: T0 + 3 * D + MIN, end: null },
      { start: T0 + 3 * D + 2 * MIN, end: null },
    ];
    expect(quietGaps(spans)).toEqual([
      { from: T0 + 3 * D, to: T0 + 3 * D + MIN },
      { from: T0 + 3 * D + MIN, to: T0 + 3 * D + 2 * MIN },
    ]);
    expect(chooseBreaks(spans)).toEqual([]);
  });

  it('keeps the order of events: positions never go backwards, and stay within the axis', () => {
    const offsets = [-11 * D, -11 * D + 3 * MIN, -2 * H, 0, 1000, 2000, 5 * MIN, 6 * H, 9 * D, 9 * D + 1];
    const scale = axisScale(pts(...offsets), { length: 600 });
    const xs = offsets.map((o) => scale.at(T0 + o));
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThanOrEqual(xs[i - 1]!);
    // the first and last events sit half a stretch's room (8 px) inside the ends
    expect(xs[0]).toBe(8);
    expect(xs[xs.length - 1]).toBeCloseTo(592, 6);
    expect(scale.breaks.length).toBeGreaterThan(0);
  });

  it('places overlapping labels in further lanes and keeps them inside the axis', () => {
    const placed = placeLabels(
      [
        { pos: 0, size: 80 },
        { pos: 30, size: 80 },
        { pos: 300, size: 80 },
        { pos: 400, size: 80, align: 'end' },
      ],
      400,
    );
    expect(placed.map((p) => p.lane)).toEqual([0, 1, 0, 1]);
    expect(placed[0]!.pos).toBe(40);
    expect(placed[3]!.pos).toBe(400);
    expect(stackLabels([10, 12, 14, 200], 10, 100)).toEqual([10, 20, 30, 100]);
  });
});

const ev = (at: number, text: string, milestone: Milestone | null = null, end: number | null = null): TimelineEventJson => {
  const offset = Math.round((at - T0) / 1000);
  return {
    at: new Date(at).toISOString(),
    local: '2020-09-02 03:25 CDT',
    zone: 'America/Chicago',
    end: end === null ? null : new Date(end).toISOString(),
    approximate: false,
    offset_s: offset,
    offset: offset === 0 ? 'T+0' : `T${offset < 0 ? '-' : '+'}${Math.abs(offset)}s`,
    delta_s: null,
    delta: null,
    text,
    html: text,
    milestone,
    source: { file: 'x.md', line: 1 },
  };
};
const timeline = (title: string, events: TimelineEventJson[]): TimelineJson => ({
  schema: 'pm.timeline/1',
  incident: { slug: 'x', title, t0: new Date(T0).toISOString(), timezone: 'UTC', display_timezone: 'UTC', tags: [], severity: null, status: null },
  metrics: { time_to_detect_s: null, time_to_acknowledge_s: null, time_to_mitigate_s: null, time_to_resolve_s: null },
  events,
  diagnostics: [],
});

describe('axis SVG', () => {
  const svg = renderAxis(
    timeline('Outbound blocked', [
      ev(T0 - 3 * D, 'Abuse report'),
      ev(T0, 'Disconnected', 't0'),
      ev(T0 + 5 * H, 'Noticed', 'detected'),
      ev(T0 + 6 * H, 'Rules rewritten', null, T0 + 8 * H),
      ev(T0 + 10 * H, 'Reconnected', 'resolved'),
    ]),
  );

  it('is an accessible image with a text description of events, milestones and cut gaps', () => {
    expect(svg.match(/<svg [^>]*role="img"/g)).toHaveLength(2);
    expect(svg).toContain('<title>Time axis: Outbound blocked</title>');
    const label = /aria-label="([^"]*)"/.exec(svg)?.[1] ?? '';
    expect(label).toContain('5 events');
    expect(label).toContain('Milestones: T0 at T+0, detected at T+18000s, resolved at T+36000s');
    expect(label).toContain('Quiet gaps cut short: 3d from T-3d to T+0');
    expect(svg).not.toContain('<script');
  });

  it('labels the milestones, draws ranges as bars and writes the length of the cut gap', () => {
    for (const m of ['T0', 'detected', 'resolved']) expect(svg).toContain(`font-weight="700">${m}</tspan>`);
    expect(svg).toContain('class="ax-ms ax-ms-detected"');
    expect(svg).toMatch(/<rect class="ax-range"[^>]*><title>[^<]*Rules rewritten<\/title>/);
    expect(svg).toMatch(/<text class="ax-gap"[^>]*>3d<\/text>/);
    expect(svg).toContain('class="ax-break"');
  });

  it('escapes every string from the timeline', () => {
    const evil = '<script>alert(1)</script> & "q" \'x\'';
    const out = renderAxis(timeline(evil, [ev(T0, evil, 't0'), ev(T0 + MIN, `</title><img src=x onerror=alert(2)>`)]));
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;x&#39;');
    expect(out).toContain('&lt;/title&gt;&lt;img src=x onerror=alert(2)&gt;');
  });

  it('draws nothing for a timeline without events, and the same bytes for the same input', () => {
    expect(renderAxis(timeline('empty', []))).toBe('');
    const again = renderAxis(
      timeline('Outbound blocked', [
        ev(T0 - 3 * D, 'Abuse report'),
        ev(T0, 'Disconnected', 't0'),
        ev(T0 + 5 * H, 'Noticed', 'detected'),
        ev(T0 + 6 * H, 'Rules rewritten', null, T0 + 8 * H),
        ev(T0 + 10 * H, 'Reconnected', 'resolved'),
      ]),
    );
    expect(again).toBe(svg);
  });
});
