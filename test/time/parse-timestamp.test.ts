import { describe, it, expect } from 'vitest';
import { parseTimestamp, type TimestampContext, type TimestampOk } from '../../src/time/parse-timestamp.js';

const chicago: TimestampContext = { zone: 'America/Chicago', date: { year: 2020, month: 9, day: 2 } };
const utc: TimestampContext = { zone: 'UTC', date: { year: 2020, month: 9, day: 2 } };

function ok(text: string, ctx: TimestampContext): TimestampOk {
  const r = parseTimestamp(text, ctx);
  if (!r.ok) throw new Error(`${text}: ${r.reason}`);
  return r;
}
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('parseTimestamp: full dates', () => {
  it.each([
    ['September 2, 2020 - 3:25 AM (T-0)', chicago, '2020-09-02T08:25:00.000Z', '(T-0)'],
    ['August 30, 2020 - 1:40 AM (T-3days)', chicago, '2020-08-30T06:40:00.000Z', '(T-3days)'],
    ['September 2, 2020 - 2:08 PM (T+11hours40minutes)', chicago, '2020-09-02T19:08:00.000Z', '(T+11hours40minutes)'],
    ['2020-09-02 03:25 — Server disconnected', chicago, '2020-09-02T08:25:00.000Z', 'Server disconnected'],
    ['2020-09-02T14:08:00+02:00 Firewall rules restored', chicago, '2020-09-02T12:08:00.000Z', 'Firewall rules restored'],
    ['2020-09-02T14:08:00Z restored', chicago, '2020-09-02T14:08:00.000Z', 'restored'],
    ['2020-09-02T14:08:00.250-0500 x', utc, '2020-09-02T19:08:00.250Z', 'x'],
    ['2018 October 21 22:52 UTC', chicago, '2018-10-21T22:52:00.000Z', ''],
    ['2018 October 21 23:07 UTC replication', chicago, '2018-10-21T23:07:00.000Z', 'replication'],
    ['21 September 6:30 UTC deploy', { zone: 'UTC', year: 2018 }, '2018-09-21T06:30:00.000Z', 'deploy'],
    ['2017/01/31 23:27 restart', utc, '2017-01-31T23:27:00.000Z', 'restart'],
    ['Jan  7 22:23:17 sshd: failed', { zone: 'UTC', year: 2017 }, '2017-01-07T22:23:17.000Z', 'sshd: failed'],
    ['Wed, Sep 2 2020 10:00 UTC x', utc, '2020-09-02T10:00:00.000Z', 'x'],
    ['2021-03-14 02:30', { zone: 'America/Chicago' }, '2021-03-14T08:30:00.000Z', ''],
    ['2023-10-29 02:30 CEST', utc, '2023-10-29T00:30:00.000Z', ''],
    ['2023-10-29 02:30 CET', utc, '2023-10-29T01:30:00.000Z', ''],
    ['2020-01-15 03:25 CST', { zone: 'Asia/Shanghai' }, '2020-01-14T19:25:00.000Z', ''],
    ['2020-01-15 03:25 CST', { zone: 'America/Chicago' }, '2020-01-15T09:25:00.000Z', ''],
    ['2021-11-07 00:45 CDT', { zone: 'America/Chicago' }, '2021-11-07T05:45:00.000Z', ''],
    ['2020-09-02 03:25 Europe/Berlin x', chicago, '2020-09-02T01:25:00.000Z', 'x'],
    ['2020-09-02 03:25 UTC+2 x', chicago, '2020-09-02T01:25:00.000Z', 'x'],
  ])('%s', (text, ctx, at, rest) => {
    const r = ok(text, ctx);
    expect(iso(r.at)).toBe(at);
    expect(r.rest).toBe(rest);
    expect(r.length).toBe(text.length - rest.length);
  });

  it('DST gap is a note naming the instant taken', () => {
    const r = ok('2021-03-14 02:30', { zone: 'America/Chicago' });
    expect(r.notes[0]?.kind).toBe('gap');
    expect(r.notes[0]?.message).toContain('2021-03-14T08:30:00.000Z');
  });
  it('DST overlap takes the earlier instant unless told otherwise', () => {
    const early = ok('2021-11-07 01:30', { zone: 'America/Chicago' });
    expect(iso(early.at)).toBe('2021-11-07T06:30:00.000Z');
    expect(early.notes[0]?.kind).toBe('overlap');
    const late = ok('2021-11-07 01:30', { zone: 'America/Chicago', preferLater: true });
    expect(iso(late.at)).toBe('2021-11-07T07:30:00.000Z');
  });
  it('ambiguous CST in a UTC file is an error naming the candidates', () => {
    const r = parseTimestamp('2020-01-15 03:25 CST', { zone: 'UTC' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.found).toBe(true);
    expect(r.reason).toMatch(/America\/Chicago/);
    expect(r.reason).toMatch(/Asia\/Shanghai/);
    expect(r.reason).toMatch(/America\/Havana/);
  });
  it.each([
    ['IST', 'Asia/Kolkata', '2020-01-15T03:25:00+05:30'],
    ['IST', 'Europe/Dublin', '2020-01-15T03:25:00+01:00'],
    ['IST', 'Asia/Jerusalem', '2020-01-15T03:25:00+02:00'],
    ['BST', 'Europe/London', '2020-01-15T03:25:00+01:00'],
    ['BST', 'Asia/Dhaka', '2020-01-15T03:25:00+06:00'],
  ])('%s follows the file zone %s', (abbr, zone, expected) => {
    const r = ok(`2020-01-15 03:25 ${abbr}`, { zone });
    const want = ok(expected, { zone: 'UTC' });
    expect(r.at).toBe(want.at);
  });
  it.each(['IST', 'BST'])('%s in a UTC file is an error', (abbr) => {
    const r = parseTimestamp(`2020-01-15 03:25 ${abbr}`, { zone: 'UTC' });
    expect(r.ok).toBe(false);
  });
  it('an abbreviation is a fixed offset: CDT in January is UTC-5, with a note', () => {
    const r = ok('2021-01-15 10:00 CDT', { zone: 'America/Chicago' });
    expect(iso(r.at)).toBe('2021-01-15T15:00:00.000Z');
    expect(r.notes[0]?.kind).toBe('abbreviation');
  });
  it('Feb 29 in a non-leap year is invalid, never March 1', () => {
    const r = parseTimestamp('Feb 29 10:00:00 x', { zone: 'UTC', year: 2021 });
    expect(r.ok).toBe(false);
    expect(ok('Feb 29 10:00:00 x', { zone: 'UTC', year: 2020 }).date).toEqual({ year: 2020, month: 2, day: 29 });
  });
  it('a date without a year and no context year is invalid', () => {
    const r = parseTimestamp('21 September 6:30 UTC', { zone: 'UTC' });
    expect(r.ok ? null : r.found).toBe(true);
  });
  it('keeps sub-millisecond digits', () => {
    const r = ok('2020-09-02T03:25:00.123456Z x', utc);
    expect(r.at! % 1000).toBeCloseTo(123.456, 3);
    expect(r.time?.precision).toBe('.123456');
  });
  it('date only', () => {
    const r = ok('2017-01-31', { zone: 'America/Chicago' });
    expect(r.time).toBeNull();
    expect(iso(r.at)).toBe('2017-01-31T06:00:00.000Z');
    expect(ok('January 31', { zone: 'UTC', year: 2017 }).date).toEqual({ year: 2017, month: 1, day: 31 });
  });
});

describe('parseTimestamp: time-only forms', () => {
  it.each([
    ['03:25 Outbound', '2020-09-02T08:25:00.000Z', 'Outbound', false],
    ['**03:25** Outbound', '2020-09-02T08:25:00.000Z', 'Outbound', false],
    ['At 14:02 something', '2020-09-02T19:02:00.000Z', 'something', false],
    ['~03:25 blip', '2020-09-02T08:25:00.000Z', 'blip', true],
    ['± 17:20 UTC blip', '2020-09-02T17:20:00.000Z', 'blip', true],
    ['about 10:00 x', '2020-09-02T15:00:00.000Z', 'x', true],
    ['around 10:00 x', '2020-09-02T15:00:00.000Z', 'x', true],
    ['11pm-ish went to bed', '2020-09-03T04:00:00.000Z', 'went to bed', true],
    ['6pm UTC dinner', '2020-09-02T18:00:00.000Z', 'dinner', false],
    ['6pm dinner', '2020-09-02T23:00:00.000Z', 'dinner', false],
    ['9:37AM PST page', '2020-09-02T17:37:00.000Z', 'page', false],
    ['10:28 AM CDT reply from support', '2020-09-02T15:28:00.000Z', 'reply from support', false],
    ['22:52 UTC: replication stopped', '2020-09-02T22:52:00.000Z', 'replication stopped', false],
    ['22:52Z x', '2020-09-02T22:52:00.000Z', 'x', false],
    ['12:05 am x', '2020-09-02T05:05:00.000Z', 'x', false],
    ['12:05 p.m. x', '2020-09-02T17:05:00.000Z', 'x', false],
  ])('%s', (text, at, rest, approximate) => {
    const r = ok(text, chicago);
    expect(iso(r.at)).toBe(at);
    expect(r.rest).toBe(rest);
    expect(r.approximate).toBe(approximate);
    expect(r.hasDate).toBe(false);
  });
  it('time-only without a date has no instant', () => {
    const r = ok('03:25 x', { zone: 'UTC' });
    expect(r.at).toBeNull();
    expect(r.time).toMatchObject({ hour: 3, minute: 25 });
  });
  it.each([
    ['14:00 – 16:00 maintenance', '2020-09-02T14:00:00.000Z', '2020-09-02T16:00:00.000Z', 'maintenance'],
    ['18:10 - 20:15 outage', '2020-09-02T18:10:00.000Z', '2020-09-02T20:15:00.000Z', 'outage'],
    ['18:10-20:15 outage', '2020-09-02T18:10:00.000Z', '2020-09-02T20:15:00.000Z', 'outage'],
    ['23:30 to 01:00 window', '2020-09-02T23:30:00.000Z', '2020-09-03T01:00:00.000Z', 'window'],
    ['10 – 11am standup', null, null, '10 – 11am standup'],
    ['2020-09-02 10:00 - 2020-09-03 11:00 long', '2020-09-02T10:00:00.000Z', '2020-09-03T11:00:00.000Z', 'long'],
  ])('range %s', (text, at, end, rest) => {
    const r = parseTimestamp(text, utc);
    if (at === null) return expect(r.ok).toBe(false);
    if (!r.ok) throw new Error(r.reason);
    expect([iso(r.at), iso(r.end), r.rest]).toEqual([at, end, rest]);
  });
  it('range zone written at the end applies to both', () => {
    const r = ok('14:00 – 16:00 CDT x', { zone: 'UTC', date: { year: 2020, month: 9, day: 2 } });
    expect([iso(r.at), iso(r.end)]).toEqual(['2020-09-02T19:00:00.000Z', '2020-09-02T21:00:00.000Z']);
  });
  it('a date–time dash is not a range; a text dash is not a range', () => {
    const r = ok('August 30, 2020 - 1:40 AM', chicago);
    expect(r.end).toBeNull();
    expect(ok('03:25 - server down', chicago).rest).toBe('server down');
  });
  it.each(['Server went down', '', 'At least 3 hosts', '25:00 nope', '3 servers', '13:00 PM'])('no timestamp: %j', (t) => {
    expect(parseTimestamp(t, chicago).ok).toBe(false);
  });
});
