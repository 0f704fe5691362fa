import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimestamp, type TimestampContext } from '../../src/time/parse-timestamp.js';
import { build } from '../timeline/helpers.js';

const utc: TimestampContext = { zone: 'UTC', year: 2018 };
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('an approximation written between the date and the time', () => {
  it.each([
    ['2018-11-12 ~23:30 abuse mail arrives', '2018-11-12T23:30:00.000Z', 'abuse mail arrives'],
    ['Nov 12 ~23:30 abuse mail arrives', '2018-11-12T23:30:00.000Z', 'abuse mail arrives'],
    ['November 12, 2018 ~ 11:30 PM abuse mail arrives', '2018-11-12T23:30:00.000Z', 'abuse mail arrives'],
    ['2018-11-12 about 23:30 abuse mail arrives', '2018-11-12T23:30:00.000Z', 'abuse mail arrives'],
    ['2018-11-12 around 11:30pm: went to bed', '2018-11-12T23:30:00.000Z', 'went to bed'],
    ['2018-11-12 ~23:30 CET abuse mail', '2018-11-12T22:30:00.000Z', 'abuse mail'],
  ])('%s → that time, approximate', (text, at, rest) => {
    const r = parseTimestamp(text, utc);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(iso(r.at)).toBe(at);
    expect(r.approximate).toBe(true);
    expect(r.rest).toBe(rest);
  });

  it('a word that is not followed by a time leaves the entry a date alone', () => {
    const r = parseTimestamp('2018-11-12 about the outage', utc);
    expect(r.ok && r.time === null && r.rest).toBe('about the outage');
  });

  it('keeps T0 where the author put it and says nothing false about a missing time', () => {
    const { tl, reporter } = build(
      [
        '## Timeline',
        '',
        '- 2018-11-12 ~23:30 the abuse mail arrives while I sleep',
        '- 2018-11-13 08:10 [T0] [detected] tilde.team unreachable',
        '- 2018-11-13 ~09:00 [resolved] server back after a reboot by the host',
      ].join('\n'),
    );
    expect(tl.events.map((e) => [iso(e.at), e.approximate])).toEqual([
      ['2018-11-12T23:30:00.000Z', true],
      ['2018-11-13T08:10:00.000Z', false],
      ['2018-11-13T09:00:00.000Z', true],
    ]);
    expect(tl.events[0]!.text).toBe('the abuse mail arrives while I sleep');
    expect(reporter.list.filter((d) => d.rule === 'timeline/date-only')).toEqual([]);
  });

  it('property: `DATE ~TIME` is the instant of `DATE TIME`, in any zone', () => {
    const zones = ['UTC', 'America/Chicago', 'Asia/Kolkata', 'Europe/Berlin', 'Pacific/Auckland'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2040, 0, 1)), noInvalidDate: true }),
        fc.constantFrom('~', '~ ', 'about ', 'around ', 'approx. '),
        (zone, d, mark) => {
          const date = d.toISOString().slice(0, 10);
          const time = d.toISOString().slice(11, 16);
          const plain = parseTimestamp(`${date} ${time} x`, { zone });
          const approx = parseTimestamp(`${date} ${mark}${time} x`, { zone });
          return plain.ok && approx.ok && approx.at === plain.at && approx.approximate && !plain.approximate && approx.rest === 'x';
        },
      ),
    );
  });
});
