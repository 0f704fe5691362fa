import { describe, it, expect } from 'vitest';
import { extract, iso } from './helpers.js';

const outOfOrder = (r: ReturnType<typeof extract>): string[] =>
  r.reporter.list.filter((d) => d.rule === 'timeline/out-of-order' && d.level === 'warning').map((d) => `${d.line}: ${d.message}`);
const rollovers = (r: ReturnType<typeof extract>): string[] =>
  r.reporter.list.filter((d) => d.rule === 'timeline/rollover').map((d) => `${d.line}: ${d.message}`);

describe('roll-over of time-only entries: wall clocks decide', () => {
  it('a time after one in a DST gap stays on the same day (date heading)', () => {
    const r = extract('## Timeline\n\n#### 2021-03-14\n\n- 02:30 a\n- 03:10 b', 'America/Chicago');
    expect(r.events.map((e) => iso(e.at))).toEqual(['2021-03-14T08:30:00.000Z', '2021-03-14T08:10:00.000Z']);
    expect(rollovers(r)).toEqual([]);
    expect(r.reporter.list.map((d) => d.rule)).toEqual(['timeline/dst-gap']);
  });
  it('the same with the date from t0 instead of a heading', () => {
    const r = extract('## Timeline\n\n- 02:30 a\n- 03:10 b', 'America/Chicago', { year: 2021, month: 3, day: 14 });
    expect(r.events.map((e) => iso(e.at))).toEqual(['2021-03-14T08:30:00.000Z', '2021-03-14T08:10:00.000Z']);
    expect(rollovers(r)).toEqual([]);
  });
  it('a time earlier on the wall clock than one in the gap is out of order, 20 minutes back rather than a day ahead', () => {
    const r = extract('## Timeline\n\n#### 2021-03-14\n\n- 02:30 a\n- 02:10 b', 'America/Chicago');
    expect(iso(r.events[1]!.at)).toBe('2021-03-14T08:10:00.000Z');
    expect(outOfOrder(r)).toEqual([
      '6: 02:10 is earlier than the entry before; kept on 2021-03-14 (20m before it), out of order, not the next day, 2021-03-15 (22h40m after it); write the date to pin it (`2021-03-14 02:10` or `2021-03-15 02:10`)',
    ]);
  });
  it('a DST overlap takes the second occurrence before anything else; a real step back is out of order', () => {
    const r = extract('## Timeline\n\n- 2021-11-07 01:50 a\n- 01:10 b\n- 00:30 c', 'America/Chicago');
    expect(r.events.map((e) => iso(e.at))).toEqual(['2021-11-07T06:50:00.000Z', '2021-11-07T07:10:00.000Z', '2021-11-07T05:30:00.000Z']);
    expect(rollovers(r)).toEqual([]);
    expect(outOfOrder(r)).toHaveLength(1);
  });
  it('23:50 then 00:10 in one zone still rolls to the next day', () => {
    const r = extract('## Timeline\n\n- 2020-09-02 23:50 a\n- 00:10 b', 'America/Chicago');
    expect(iso(r.events[1]!.at)).toBe('2020-09-03T05:10:00.000Z');
    expect(rollovers(r)).toHaveLength(1);
  });
});

describe("roll-over across zones: the entry before as seen in the new entry's zone", () => {
  it('`02:55 UTC` after `8:41 PM CDT` is the same evening, without a note', () => {
    const md = '## Timeline\n\n#### 2024-10-26\n\n- 8:41 PM CDT a\n- 9:07 PM CDT b\n- 02:55 UTC: c\n- 03:05 UTC: d';
    const r = extract(md, 'America/Chicago');
    expect(r.events.map((e) => iso(e.at))).toEqual([
      '2024-10-27T01:41:00.000Z',
      '2024-10-27T02:07:00.000Z',
      '2024-10-27T02:55:00.000Z',
      '2024-10-27T03:05:00.000Z',
    ]);
    expect(rollovers(r)).toEqual([]);
  });
  it('`9:37AM PDT` after `21 September 6:30 UTC` takes the written day, without a note', () => {
    const md = '## Timeline\n\n- 21 September 6:30 UTC a\n- 9:37AM PDT b';
    const r = extract(md, 'America/Los_Angeles', { year: 2023, month: 9, day: 21 });
    expect(r.events.map((e) => iso(e.at))).toEqual(['2023-09-21T06:30:00.000Z', '2023-09-21T16:37:00.000Z']);
    expect(rollovers(r)).toEqual([]);
  });
  it('`11:45 PM PDT` after `6:30 UTC` is the quarter of an hour after it, not a day later', () => {
    const md = '## Timeline\n\n- 21 September 6:30 UTC a\n- 11:45 PM PDT b';
    const r = extract(md, 'America/Los_Angeles', { year: 2023, month: 9, day: 21 });
    expect(iso(r.events[1]!.at)).toBe('2023-09-21T06:45:00.000Z');
    expect(rollovers(r)).toEqual([]);
  });
  it('a time that goes back in the new zone too: 7h30m back is nearer than 16h30m ahead, so it stays, out of order', () => {
    const md = '## Timeline\n\n- 2023-09-21 23:30 UTC a\n- 9:00 AM PDT b';
    const r = extract(md, 'America/Los_Angeles');
    expect(iso(r.events[1]!.at)).toBe('2023-09-21T16:00:00.000Z');
    expect(outOfOrder(r)).toEqual([
      '4: 9:00 AM PDT is earlier than the entry before; kept on 2023-09-21 (7h30m before it), out of order, not the next day, 2023-09-22 (16h30m after it); write the date to pin it (`2023-09-21 9:00 AM PDT` or `2023-09-22 9:00 AM PDT`)',
    ]);
  });
  it('`1:40 AM PDT` after `11:45 PM PDT` rolls: 1h55m ahead beats 22h05m back', () => {
    const md = '## Timeline\n\n- 2023-09-21 11:45 PM PDT a\n- 1:40 AM PDT b';
    const r = extract(md, 'America/Los_Angeles');
    expect(iso(r.events[1]!.at)).toBe('2023-09-22T08:40:00.000Z');
    expect(r.reporter.list.filter((d) => d.rule === 'timeline/rollover').map((d) => d.level)).toEqual(['warning']);
  });
});

describe('dates without a year', () => {
  it('a date a day back stays in the same year, without a note (date heading)', () => {
    const r = extract('## Timeline\n\n**February 2**\n\n- Feb 1 10:00 a', 'UTC', { year: 2021, month: 1, day: 1 });
    expect(iso(r.events[0]!.at)).toBe('2021-02-01T10:00:00.000Z');
    expect(rollovers(r)).toEqual([]);
  });
  it('a date a day back stays in the same year, without a note (entry before)', () => {
    const r = extract('## Timeline\n\n- Feb 2 10:00 a\n- Feb 1 10:00 b', 'UTC', { year: 2021, month: 1, day: 1 });
    expect(r.events.map((e) => iso(e.at))).toEqual(['2021-02-02T10:00:00.000Z', '2021-02-01T10:00:00.000Z']);
    expect(rollovers(r)).toEqual([]);
  });
  it('five months back stays; seven months back wraps into the next year', () => {
    const five = extract('## Timeline\n\n- Jun 30 10:00 a\n- Feb 1 10:00 b', 'UTC', { year: 2021, month: 1, day: 1 });
    expect(iso(five.events[1]!.at)).toBe('2021-02-01T10:00:00.000Z');
    const seven = extract('## Timeline\n\n- Sep 1 10:00 a\n- Feb 1 10:00 b', 'UTC', { year: 2021, month: 1, day: 1 });
    expect(iso(seven.events[1]!.at)).toBe('2022-02-01T10:00:00.000Z');
    expect(rollovers(seven)).toEqual(['4: Feb 1 10:00 is more than half a year before the date above it (2021-09-01); read as 2022']);
  });
  it('Dec 31 → Jan 1 wraps, for date headings as well as entries', () => {
    const r = extract('## Timeline\n\n**December 31**\n\n- 23:50 a\n\n**January 1**\n\n- 00:10 b', 'UTC', { year: 2016, month: 12, day: 1 });
    expect(r.events.map((e) => iso(e.at))).toEqual(['2016-12-31T23:50:00.000Z', '2017-01-01T00:10:00.000Z']);
    expect(rollovers(r)).toEqual(['7: January 1 is more than half a year before the date above it (2016-12-31); read as 2017']);
  });
  it('the first dated entry takes the year of the file, however far from its date', () => {
    const r = extract('## Timeline\n\n- Jan  7 22:23:17 sshd: failed', 'UTC', { year: 2020, month: 9, day: 2 });
    expect(iso(r.events[0]!.at)).toBe('2020-01-07T22:23:17.000Z');
  });
});
