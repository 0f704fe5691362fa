import { describe, expect, it } from 'vitest';
import { SourceClock } from '../../src/sources/clock.js';
import { SyslogParser } from '../../src/sources/syslog.js';
import { iso, readFixture, rules } from './helpers.js';

function parser(zone = 'UTC', year = 2017): SyslogParser {
  return new SyslogParser(new SourceClock(zone), year);
}

describe('RFC 3164', () => {
  it('reads the timestamp, the host, the tag and the message', () => {
    const r = parser('Europe/Berlin').parse('Jan  7 22:23:17 web1 sshd[2001]: Failed password for root from 1.2.3.4 port 22 ssh2');
    expect(r).toMatchObject({ ok: true, zone: 'Europe/Berlin', text: 'Failed password for root from 1.2.3.4 port 22 ssh2' });
    expect(r?.ok && iso(r.at)).toBe('2017-01-07T21:23:17.000Z');
  });

  it('accepts <PRI>, two-digit days, lines without host and fractional seconds', () => {
    const p = parser();
    expect(p.parse('<38>Jan 17 01:02:03 web1 sshd[1]: a')).toMatchObject({ ok: true, text: 'a' });
    const noHost = p.parse('Jan 17 01:02:04 sshd[1]: Connection closed');
    expect(noHost).toMatchObject({ ok: true, text: 'Connection closed' });
    const frac = p.parse('Jan 17 01:02:05.123456 web1 app: precise');
    expect(frac).toMatchObject({ ok: true, precision: '.123456', text: 'precise' });
    expect(frac?.ok && frac.at % 1000).toBeCloseTo(123.456, 3);
  });

  it('rolls the year forward when the month goes back (Dec → Jan)', async () => {
    const r = await readFixture('rollover.log', {}, { zone: 'Europe/Berlin', year: 2016 });
    expect(iso(r.events[0]!.at)).toBe('2016-12-31T22:59:58.000Z');
    expect(iso(r.events[1]!.at)).toBe('2016-12-31T23:00:03.000Z');
    expect(r.diagnostics.find((d) => d.rule === 'source/time-note')).toMatchObject({ level: 'info', line: 2 });
  });

  it('counts `message repeated N times` and `last message repeated`', async () => {
    const r = await readFixture('rollover.log', {}, { year: 2016 });
    const repeated = r.events.find((e) => e.source.line === 3)!;
    expect(repeated.count).toBe(3);
    expect(repeated.text).toBe('3× Failed password for root from 121.18.238.105 port 4243 ssh2');
    const last = r.events.find((e) => e.source.line === 9)!;
    expect(last).toMatchObject({ count: 2, text: '2× Connection closed by 1.2.3.4' });
  });

  it('reads Feb 29 in a leap year and skips it otherwise with a warning, never as March 1', async () => {
    const ok = await readFixture('leapday.log', {}, { year: 2016 });
    expect(ok.events.map((e) => iso(e.at))).toEqual(['2016-02-28T23:59:59.000Z', '2016-02-29T12:00:00.000Z', '2016-03-01T00:00:01.000Z']);
    const bad = await readFixture('leapday.log', {}, { year: 2017 });
    expect(bad.events).toHaveLength(2);
    expect(bad.events.some((e) => iso(e.at).startsWith('2017-03-01T12'))).toBe(false);
    const warn = bad.diagnostics.find((d) => d.rule === 'source/invalid-date')!;
    expect(warn).toMatchObject({ level: 'warning', line: 2, file: 'posts/x/leapday.log' });
    expect(warn.message).toMatch(/^Feb 29 does not exist in 2017; line skipped — set `year:`/);
    // A malformed line is never fatal: nothing in this source fails the build.
    expect(bad.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  });

  it('keeps the year when the date goes back less than half a year (an out-of-order line)', () => {
    const p = parser('UTC', 2017);
    const at = (line: string): string => {
      const r = p.parse(line);
      return r?.ok ? `${iso(r.at)}${r.note ? ` (${r.note})` : ''}` : `error: ${r?.reason}`;
    };
    expect(at('Mar  1 10:00:00 h app: a')).toBe('2017-03-01T10:00:00.000Z');
    expect(at('Feb 28 23:00:00 h app: late line')).toBe('2017-02-28T23:00:00.000Z');
    expect(at('Mar  1 10:01:00 h app: b')).toBe('2017-03-01T10:01:00.000Z');
    expect(at('Dec 31 23:59:00 h app: c')).toBe('2017-12-31T23:59:00.000Z');
    expect(at('Jan  1 00:01:00 h app: d')).toBe('2018-01-01T00:01:00.000Z (the date went back from Dec 31 to Jan 1: read as 2018)');
  });

  it('reports DST gaps and takes the later instant of an overlap when the log went back', async () => {
    const r = await readFixture('dst-berlin.log', {}, { zone: 'Europe/Berlin', year: 2016 });
    const at = r.events.map((e) => iso(e.at));
    expect(at[1]).toBe('2016-03-27T01:30:00.000Z'); // 02:30 does not exist: read with the offset before the gap
    expect(at[2]).toBe('2016-10-30T00:10:00.000Z'); // first 02:10 (CEST)
    expect(at[3]).toBe('2016-10-30T00:50:00.000Z');
    expect(at[4]).toBe('2016-10-30T01:20:00.000Z'); // 02:20 after 02:50: the second pass (CET)
    expect(at[5]).toBe('2016-10-30T02:10:00.000Z');
    const notes = r.diagnostics.filter((d) => d.rule === 'source/time-note');
    expect(notes.map((d) => d.line)).toEqual([2, 3, 4, 5]);
    expect(notes[0]!.message).toMatch(/DST gap/);
    expect(notes[3]!.message).toMatch(/took the later/);
  });
});

describe('DST in a zone with a 45-minute offset', () => {
  it('resolves the Pacific/Chatham overlap (03:45 CHADT → 02:45 CHAST) by order', () => {
    const p = parser('Pacific/Chatham', 2017);
    const at = (line: string): string => {
      const r = p.parse(line);
      return r?.ok ? iso(r.at) : `error: ${r?.reason}`;
    };
    expect(at('Apr  1 23:00:00 h app: evening')).toBe('2017-04-01T09:15:00.000Z');
    expect(at('Apr  2 02:50:00 h app: first pass')).toBe('2017-04-01T13:05:00.000Z');
    expect(at('Apr  2 03:30:00 h app: still daylight time')).toBe('2017-04-01T13:45:00.000Z');
    expect(at('Apr  2 02:50:30 h app: second pass')).toBe('2017-04-01T14:05:30.000Z');
    expect(at('Apr  2 04:00:00 h app: after')).toBe('2017-04-01T15:15:00.000Z');
  });
});

describe('RFC 5424 and rsyslog ISO lines', () => {
  it('reads structured data, fractional seconds, offsets and a BOM before the message', async () => {
    const r = await readFixture('rfc5424.log');
    const byLine = new Map(r.events.map((e) => [e.source.line, e]));
    expect(iso(byLine.get(1)!.at)).toBe('2003-10-11T22:14:15.003Z');
    expect(byLine.get(1)!.text).toBe("'su root' failed for lonvick on /dev/pts/8");
    const l2 = byLine.get(2)!;
    expect(iso(l2.at)).toBe('2003-08-24T12:14:15.000Z');
    expect(l2.precision).toBe('.000003');
    expect(l2.zone).toBe('UTC-7');
    expect(byLine.get(3)!.text).toBe('An application event log entry...');
    // No MSG: the structured data is the text; `]` inside a quoted value does not end it.
    expect(byLine.get(4)!.text).toBe('[ex@1 msg="a \\"quoted\\" ] bracket"]');
    expect(rules(r)).toEqual(['5:warning:source/malformed-line', '6:warning:source/malformed-line', '0:warning:source/malformed-summary']);
  });

  it('reads high-precision ISO lines with and without an offset', async () => {
    const r = await readFixture('rsyslog-iso.log', {}, { zone: 'Europe/Berlin' });
    const [a, b, c] = [1, 2, 3].map((line) => r.events.find((e) => e.source.line === line));
    expect(iso(a!.at)).toBe('2026-01-07T21:23:17.123Z');
    expect(a!.precision).toBe('.123456');
    expect(a!.zone).toBe('Europe/Berlin'); // +01:00 is Berlin's offset then
    expect(a!.text).toBe('Accepted publickey for deploy from 10.1.2.3 port 50022 ssh2');
    expect(b).toMatchObject({ zone: 'UTC', text: 'eth0 link up' });
    expect(iso(b!.at)).toBe('2026-01-07T22:23:18.500Z');
    expect(iso(c!.at)).toBe('2026-01-07T21:23:19.000Z');
  });
});
