import { describe, it, expect } from 'vitest';
import { parseDateValue } from '../../src/time/date-value.js';
import { normalizeZone } from '../../src/time/zones.js';
import { build, iso } from './helpers.js';

const zone = normalizeZone('US/Central');
const CHICAGO = zone.ok ? zone.zone : 'x';

describe('issue 3 case table', () => {
  const md = [
    '# Timeline',
    '',
    'August 30, 2020 - 1:40 AM (T-3days)',
    '',
    'Abuse report received.',
    '',
    'September 2, 2020 - 3:25 AM (T-0)',
    '',
    'Server disconnected.',
    '',
    'September 2, 2020 - 2:08 PM (T+11hours40minutes)',
    '',
    'Fixed.',
  ].join('\n');
  const { tl, reporter } = build(md, CHICAGO);

  it('US/Central is America/Chicago', () => expect(CHICAGO).toBe('America/Chicago'));
  it('September 2, 2020 - 3:25 AM (T-0) → 2020-09-02T08:25:00Z and is T0', () => {
    expect(iso(tl.events[1]!.at)).toBe('2020-09-02T08:25:00.000Z');
    expect(iso(tl.t0)).toBe('2020-09-02T08:25:00.000Z');
    expect(tl.events[1]!.offsetS).toBe(0);
  });
  it('August 30, 2020 - 1:40 AM (T-3days) → 06:40Z, offset −265500 s, no warning', () => {
    expect(iso(tl.events[0]!.at)).toBe('2020-08-30T06:40:00.000Z');
    expect(tl.events[0]!.offsetS).toBe(-265500);
    expect(reporter.list.filter((d) => d.line === 3 && d.level === 'warning')).toEqual([]);
  });
  it('September 2, 2020 - 2:08 PM (T+11hours40minutes) → 19:08Z and a warning naming both', () => {
    expect(iso(tl.events[2]!.at)).toBe('2020-09-02T19:08:00.000Z');
    const w = reporter.list.filter((d) => d.rule === 'timeline/offset-mismatch');
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toContain('T+11h40m');
    expect(w[0]!.message).toContain('T+10h43m');
    expect(w[0]!.line).toBe(11);
    expect(w[0]!.level).toBe('warning');
  });
  it('texts are the paragraphs under each timestamp, offsets stripped', () => {
    expect(tl.events.map((e) => e.text)).toEqual(['Abuse report received.', 'Server disconnected.', 'Fixed.']);
  });

  it('2021-03-14 02:30 in America/Chicago → 08:30Z with a DST-gap warning', () => {
    const r = build('## Timeline\n\n- 2021-03-14 02:30 clocks', 'America/Chicago');
    expect(iso(r.tl.events[0]!.at)).toBe('2021-03-14T08:30:00.000Z');
    const gap = r.reporter.list.find((d) => d.rule === 'timeline/dst-gap');
    expect(gap?.level).toBe('warning');
    expect(gap?.message).toContain('2021-03-14T08:30:00.000Z');
    expect([gap?.line, gap?.column]).toEqual([3, 3]);
  });
  it('2023-10-29 02:30 CEST / CET → 00:30Z / 01:30Z', () => {
    const r = build('## Timeline\n\n- 2023-10-29 02:30 CEST a\n- 2023-10-29 02:30 CET b', 'UTC');
    expect(r.tl.events.map((e) => iso(e.at))).toEqual(['2023-10-29T00:30:00.000Z', '2023-10-29T01:30:00.000Z']);
  });
  it.each([
    ['Asia/Shanghai', '2020-01-14T19:25:00.000Z'],
    ['America/Chicago', '2020-01-15T09:25:00.000Z'],
  ])('2020-01-15 03:25 CST in %s → %s', (z, want) => {
    const r = build('## Timeline\n\n- 2020-01-15 03:25 CST x', z);
    expect(iso(r.tl.events[0]!.at)).toBe(want);
  });
  it('2020-01-15 03:25 CST in a UTC file → an error naming the candidates', () => {
    const r = build('## Timeline\n\n- 2020-01-15 03:25 CST x', 'UTC');
    expect(r.tl.events).toHaveLength(0);
    const e = r.reporter.list.find((d) => d.level === 'error');
    expect(e?.message).toMatch(/America\/Chicago.*Asia\/Shanghai/);
    expect(e?.line).toBe(3);
  });
  it('2021-11-07 00:45 CDT then 03:15 CST → 05:45Z, 09:15Z, delta +3h30m', () => {
    const r = build('## Timeline\n\n- 2021-11-07 00:45 CDT a\n- 03:15 CST b', 'America/Chicago');
    expect(r.tl.events.map((e) => iso(e.at))).toEqual(['2021-11-07T05:45:00.000Z', '2021-11-07T09:15:00.000Z']);
    expect(r.tl.events[1]!.deltaS).toBe(3.5 * 3600);
  });
  it('date: 201811132020.33 in US/Central → 2018-11-14T02:20:33Z', () => {
    const v = parseDateValue('201811132020.33', CHICAGO);
    expect(v.ok && iso(v.ms)).toBe('2018-11-14T02:20:33.000Z');
  });
});
