import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Reporter } from '../../src/diagnostics.js';
import { computeTimeline, sortEvents } from '../../src/timeline/compute.js';
import type { Milestone, TimelineEvent } from '../../src/timeline/types.js';

function ev(at: number, extra: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    at,
    end: null,
    zone: 'UTC',
    approximate: false,
    text: `e${at}`,
    html: '',
    milestone: null,
    internal: false,
    source: { file: 'a.md', line: 1 },
    ...extra,
  };
}
const run = (events: TimelineEvent[], t0?: number | null, pub = false) =>
  computeTimeline(events, { t0: t0 ?? null, displayZone: 'UTC', reporter: new Reporter('a.md'), public: pub });

describe('computeTimeline', () => {
  it('T0: front-matter, else [T0], else written T-0, else detected, else first', () => {
    const events = [ev(1000), ev(5000, { milestone: 'detected' }), ev(9000, { isT0: true, milestone: 'mitigated' })];
    expect(run(events, 3000)).toMatchObject({ t0: 3000, t0Source: 'front-matter' });
    expect(run(events)).toMatchObject({ t0: 9000, t0Source: 'marker' });
    expect(run([ev(1000), ev(7000, { written: { raw: 'T-0', offset: { seconds: 0, precision: 60 } } })])).toMatchObject({ t0: 7000, t0Source: 'marker' });
    expect(run(events.slice(0, 2))).toMatchObject({ t0: 5000, t0Source: 'milestone' });
    expect(run([ev(4000), ev(2000)])).toMatchObject({ t0: 2000, t0Source: 'first-event' });
    expect(run([])).toMatchObject({ t0: null, t0Source: 'none', events: [] });
  });
  it('offsets and deltas in seconds, elapsed across DST', () => {
    // 2021-11-07 00:45 CDT and 03:15 CST: 3h30m of elapsed time
    const tl = run([ev(Date.UTC(2021, 10, 7, 9, 15)), ev(Date.UTC(2021, 10, 7, 5, 45))]);
    expect(tl.events.map((e) => [e.offsetS, e.deltaS])).toEqual([
      [0, null],
      [12600, 12600],
    ]);
  });
  it('metrics from the first event of each milestone; null when unknown', () => {
    const m = (x: Milestone) => ({ milestone: x });
    const tl = run([
      ev(0, m('t0')),
      ev(60_000, m('detected')),
      ev(120_000, m('acknowledged')),
      ev(600_000, m('mitigated')),
      ev(900_000, m('resolved')),
      ev(990_000, m('resolved')),
    ]);
    expect(tl.metrics).toEqual({ time_to_detect_s: 60, time_to_acknowledge_s: 120, time_to_mitigate_s: 600, time_to_resolve_s: 900 });
    expect(run([ev(0)]).metrics).toEqual({ time_to_detect_s: null, time_to_acknowledge_s: null, time_to_mitigate_s: null, time_to_resolve_s: null });
  });
  it('public drops internal events; T0 and deltas stay consistent', () => {
    const tl = run([ev(0, { internal: true, isT0: true }), ev(60_000), ev(120_000, { internal: true }), ev(180_000)], null, true);
    expect(tl.t0).toBe(0);
    expect(tl.events.map((e) => [e.at, e.offsetS, e.deltaS])).toEqual([
      [60_000, 60, null],
      [180_000, 180, 120],
    ]);
  });
  it('written delta is checked against the previous entry of the same file', () => {
    const reporter = new Reporter('a.md');
    computeTimeline(
      [ev(0), ev(30_000, { source: { file: 'auth.log', line: 3 } }), ev(6_180_000, { written: { raw: '+1h40m', delta: { seconds: 6000, precision: 60 } } })],
      { displayZone: 'UTC', reporter },
    );
    expect(reporter.list.map((d) => d.message)).toEqual([expect.stringContaining('written +1h40m, computed +1h43m')]);
  });
  it('a written offset within its precision is fine', () => {
    const reporter = new Reporter('a.md');
    computeTimeline([ev(0, { isT0: true }), ev(7 * 3600_000 + 180_000, { written: { raw: 'T+7hours', offset: { seconds: 25200, precision: 3600 } } })], {
      displayZone: 'UTC',
      reporter,
    });
    expect(reporter.list).toEqual([]);
  });
});

describe('computeTimeline properties', () => {
  const events = fc.array(
    fc.record({ at: fc.integer({ min: 0, max: 4e12 }), tag: fc.nat(1000) }).map(({ at, tag }) => ev(at, { text: String(tag) })),
    { maxLength: 60 },
  );
  it('offsets and deltas agree with the instants', () => {
    fc.assert(
      fc.property(events, fc.option(fc.integer({ min: 0, max: 4e12 }), { nil: null }), (list, t0) => {
        const tl = run(list, t0);
        tl.events.forEach((e, i) => {
          expect(e.offsetS).toBe((e.at - tl.t0!) / 1000);
          const prev = tl.events[i - 1];
          expect(e.deltaS).toBe(prev ? (e.at - prev.at) / 1000 : null);
          if (prev) expect(e.offsetS! - prev.offsetS!).toBeCloseTo(e.deltaS!, 6);
        });
      }),
    );
  });
  it('sorting is stable and by instant', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 50 }), (ats) => {
        const list = ats.map((at, i) => ev(at, { text: String(i) }));
        const sorted = sortEvents(list);
        for (let i = 1; i < sorted.length; i++) {
          const a = sorted[i - 1]!;
          const b = sorted[i]!;
          expect(a.at < b.at || (a.at === b.at && Number(a.text) < Number(b.text))).toBe(true);
        }
        expect(sorted).toHaveLength(list.length);
      }),
    );
  });
});
