import { describe, expect, it } from 'vitest';
import { ClfParser, requestText } from '../../src/sources/clf.js';
import { SourceClock } from '../../src/sources/clock.js';
import { iso, readFixture, rules } from './helpers.js';

describe('csv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, keeping the starting line', async () => {
    const r = await readFixture('timeline.csv', {}, { zone: 'Europe/Berlin' });
    expect(r.events.map((e) => [e.source.line, e.text])).toEqual([
      [2, 'plain, with a comma'],
      [3, 'has "quotes" inside'],
      [4, 'spans two lines'],
      [7, '<b>bold?</b>'],
    ]);
    expect(iso(r.events[0]!.at)).toBe('2017-01-07T21:23:17.000Z');
    expect(r.events[3]!.html).toBe('&lt;b&gt;bold?&lt;/b&gt;');
    expect(rules(r)).toEqual(['6:warning:source/malformed-line', '0:warning:source/malformed-summary']);
    expect(r.stats).toMatchObject({ lines: 7, matched: 4, malformed: 1 });
  });

  it('recognises `;` separators, CRLF and configured columns', async () => {
    const r = await readFixture('semicolon.csv');
    expect(r.events.map((e) => e.text)).toEqual(['semicolon separated']);
    const configured = await readFixture('timeline.csv', { time_field: 'time', text_field: 'host' });
    expect(configured.events[0]!.text).toBe('web1');
  });

  it('is an error when the header has no time column', async () => {
    const r = await readFixture('notime.csv');
    expect(r.events).toEqual([]);
    expect(r.diagnostics[0]).toMatchObject({ level: 'error', rule: 'source/csv-header', line: 1 });
    expect(r.diagnostics[0]!.message).toMatch(/time_field/);
  });
});

describe('yaml', () => {
  it('reads {at, text, milestone, internal, label} with lines, in the source zone', async () => {
    const r = await readFixture('handlog.yaml', { label: 'hand log' }, { zone: 'Europe/Berlin' });
    expect(r.events.map((e) => [e.source.line, iso(e.at), e.milestone, e.internal, e.source.label])).toEqual([
      [2, '2017-01-07T21:23:00.000Z', 'detected', false, 'hand log'],
      [5, '2017-01-07T21:40:00.000Z', 'mitigated', false, 'firewall'],
      [10, '2017-01-07T22:05:00.000Z', null, true, 'hand log'],
      [14, '2017-01-07T22:23:17.250Z', null, false, 'hand log'],
    ]);
    expect(iso(r.events[1]!.end!)).toBe('2017-01-07T21:55:00.000Z');
    expect(r.events[0]!.text).toBe('Pager fired for ssh auth failures');
    expect(rules(r)).toEqual(['13:warning:source/malformed-line', '0:warning:source/malformed-summary']);
  });

  it('is an error when the document is not a list', async () => {
    const r = await readFixture('notalist.yaml');
    expect(r.diagnostics[0]).toMatchObject({ level: 'error', rule: 'source/yaml' });
  });
});

describe('clf (Apache/nginx access logs)', () => {
  it('reads common and combined lines as `METHOD path → status`', async () => {
    const r = await readFixture('access.log', {}, { zone: 'America/Los_Angeles' });
    expect(r.events.map((e) => [e.source.line, e.text, e.zone])).toEqual([
      [1, 'GET /apache_pb.gif → 200', 'America/Los_Angeles'],
      [2, 'POST /login?next=%2F → 401', 'America/Los_Angeles'],
      [3, 'GET /<script>alert(1)</script> → 404', 'America/Los_Angeles'],
      [4, '\\x16\\x03\\x01\\x00 → 400', 'UTC'],
    ]);
    expect(iso(r.events[0]!.at)).toBe('2000-10-10T20:55:36.000Z');
    expect(r.events[2]!.html).toBe('GET /&lt;script&gt;alert(1)&lt;/script&gt; → 404');
    expect(rules(r)).toEqual(['5:warning:source/malformed-line', '0:warning:source/malformed-summary']);
  });

  it('names a fixed zone when the source zone had another offset', () => {
    const rec = new ClfParser(new SourceClock('Europe/Berlin')).parse('1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 200 1');
    expect(rec).toMatchObject({ ok: true, zone: 'UTC-7' });
  });

  it('unescapes quotes of the request line and keeps odd requests as written', () => {
    expect(requestText('GET /a\\"b HTTP/1.1', '200')).toBe('GET /a"b → 200');
    expect(requestText('-', '408')).toBe('- → 408');
  });
});
