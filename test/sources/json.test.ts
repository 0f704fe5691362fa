import { describe, expect, it } from 'vitest';
import { SourceClock } from '../../src/sources/clock.js';
import { recordFromJson } from '../../src/sources/json.js';
import { epochInstant, parseTimeValue } from '../../src/sources/timestamp.js';
import { iso, readFixture, rules } from './helpers.js';

describe('epoch values', () => {
  const clock = new SourceClock('UTC');
  it.each([
    [1483827797, '2017-01-07T22:23:17.000Z', undefined],
    [1483827797123, '2017-01-07T22:23:17.123Z', undefined],
    ['1483827797123456', '2017-01-07T22:23:17.123Z', '.123456'],
    ['1483827797123456789', '2017-01-07T22:23:17.123Z', '.123456789'],
    ['1483827797.5', '2017-01-07T22:23:17.500Z', undefined],
    [1483827797.123456, '2017-01-07T22:23:17.123Z', '.123456'],
  ])('%s is read by magnitude', (value, expected, precision) => {
    const t = parseTimeValue(value, clock);
    expect(t.ok && iso(t.at)).toBe(expected);
    expect(t.ok && t.precision).toBe(precision);
  });

  it('keeps the sub-millisecond fraction in `at`', () => {
    const t = epochInstant('1483827797123456', '');
    expect(t.ok && t.at).toBeCloseTo(1483827797123.456, 3);
  });

  it('reads ISO strings without an offset in the source zone', () => {
    const t = parseTimeValue('2017-07-01 12:00:00', new SourceClock('America/Chicago'));
    expect(t.ok && iso(t.at)).toBe('2017-07-01T17:00:00.000Z');
    expect(t.ok && t.zone).toBe('America/Chicago');
  });
});

describe('ndjson', () => {
  it('finds time and text fields by name, keeps precision, reports bad lines', async () => {
    const r = await readFixture('events.ndjson', {}, { zone: 'Europe/Berlin' });
    const line = (n: number) => r.events.find((e) => e.source.line === n)!;
    expect(line(1)).toMatchObject({ text: 'deploy started', zone: 'UTC' });
    expect(iso(line(2).at)).toBe('2017-01-07T22:23:18.000Z');
    expect(line(3).text).toBe('epoch milliseconds');
    expect(line(4)).toMatchObject({ text: 'epoch microseconds as string', precision: '.123456' });
    expect(iso(line(5).at)).toBe('2017-01-07T22:23:21.123Z');
    expect(line(6)).toMatchObject({ precision: '.123456789' });
    expect(iso(line(7).at)).toBe('2017-01-07T22:23:17.500Z');
    expect(line(7).zone).toBe('Europe/Berlin');
    expect(rules(r)).toEqual([
      '9:warning:source/malformed-line',
      '10:warning:source/malformed-line',
      '11:warning:source/malformed-line',
      '0:warning:source/malformed-summary',
    ]);
    expect(r.stats).toMatchObject({ lines: 12, events: 8, matched: 8, malformed: 3 });
  });

  it('escapes the html and strips ANSI escapes from attacker-controlled text', async () => {
    const r = await readFixture('events.ndjson');
    const ev = r.events.find((e) => e.source.line === 12)!;
    expect(ev.text).toBe('<script>alert(1)</script> {{constructor}} ](javascript:alert(1)) red');
    expect(ev.html).toBe('&lt;script&gt;alert(1)&lt;/script&gt; {{constructor}} ](javascript:alert(1)) red');
    expect(ev.html).not.toMatch(/[<>\x1b]/);
  });

  it('uses configured fields, with dotted paths', () => {
    const rec = recordFromJson(
      { meta: { when: '2017-01-07T22:23:17Z' }, body: { line: 'hi' } },
      { clock: new SourceClock('UTC'), timeField: 'meta.when', textField: 'body.line' },
    );
    expect(rec).toMatchObject({ ok: true, text: 'hi' });
    expect(recordFromJson({ timestamp: 1 }, { clock: new SourceClock('UTC'), timeField: 'nope' })).toMatchObject({ ok: false });
  });

  it('falls back to key=value text when no text field exists', () => {
    const rec = recordFromJson({ ts: 1483827797, action: 'deploy', service: 'api' }, { clock: new SourceClock('UTC') });
    expect(rec).toMatchObject({ ok: true, text: 'action=deploy service=api' });
  });
});

describe('journald (journalctl -o json)', () => {
  it('reads __REALTIME_TIMESTAMP in µs, prefers _SOURCE_REALTIME_TIMESTAMP, decodes byte-array messages', async () => {
    const r = await readFixture('journal.json');
    expect(r.diagnostics).toEqual([]);
    const [a, b, c] = r.events;
    expect(iso(a!.at)).toBe('2017-01-07T22:23:17.123Z');
    expect(a!.precision).toBe('.123456');
    expect(a!.text).toBe('Failed password for root from 121.18.238.104 port 4242 ssh2');
    expect(iso(b!.at)).toBe('2017-01-07T22:23:18.654Z');
    expect(b!.precision).toBe('.654321');
    expect(c!.text).toBe('hi ✓');
  });
});

describe('json arrays', () => {
  it('reads each element with the line it starts on', async () => {
    const r = await readFixture('deploy.json');
    expect(r.events.map((e) => [e.source.line, e.text])).toEqual([
      [2, 'deploy 4711 started'],
      [7, 'deploy 4711 "done" [ok]'],
      [9, 'third'],
    ]);
    expect(r.events[0]!.milestone).toBe('detected');
    expect(r.events[1]!.html).toBe('deploy 4711 &quot;done&quot; [ok]');
  });

  it('applies match to the element', async () => {
    const r = await readFixture('deploy.json', { match: '4711' });
    expect(r.events).toHaveLength(2);
  });
});
