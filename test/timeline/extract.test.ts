import { describe, it, expect } from 'vitest';
import { extract, build, iso } from './helpers.js';

const D = { year: 2020, month: 9, day: 2 };

describe('extractTimeline: the section', () => {
  it('finds the Timeline heading at any level and gives its child range', () => {
    const r = extract(
      '# Incident\n\nIntro 03:00\n\n## Timeline (all times UTC)\n\n- 03:25 a\n\n### Details\n\n- 03:40 b\n\n## Root cause\n\n- 04:00 not an event',
      'UTC',
      D,
    );
    expect(r.section).toEqual({ start: 2, end: 6 });
    expect(r.events.map((e) => e.text)).toEqual(['a', 'b']);
  });
  it('no Timeline section → no events, section null', () => {
    const r = extract('# Summary\n\n- 03:25 a', 'UTC', D);
    expect(r).toMatchObject({ events: [], section: null });
  });
  it('"(all times CDT)" in the heading gives the zone of the entries', () => {
    const r = extract('## Timeline (all times CDT)\n\n- 2020-09-02 03:25 a', 'UTC');
    expect(iso(r.events[0]!.at)).toBe('2020-09-02T08:25:00.000Z');
  });
});

describe('extractTimeline: entry forms', () => {
  it('list items with every form, text kept as markdown', () => {
    const md = [
      '## Timeline',
      '',
      '- 2020-09-02 03:25 — Server **disconnected** by the provider',
      '- 2020-09-02T14:08:00+02:00 Firewall rules restored',
      '- **12:30** Outbound traffic blocked',
      '- 22:52 UTC: replication stopped',
      '- At 23:02 someone looked',
      '- ~23:10 guess',
    ].join('\n');
    const r = extract(md, 'America/Chicago', D);
    expect(r.events.map((e) => [iso(e.at), e.text, e.approximate])).toEqual([
      ['2020-09-02T08:25:00.000Z', 'Server disconnected by the provider', false],
      ['2020-09-02T12:08:00.000Z', 'Firewall rules restored', false],
      ['2020-09-02T17:30:00.000Z', 'Outbound traffic blocked', false],
      ['2020-09-02T22:52:00.000Z', 'replication stopped', false],
      ['2020-09-03T04:02:00.000Z', 'someone looked', false],
      ['2020-09-03T04:10:00.000Z', 'guess', true],
    ]);
    expect(r.events[0]!.html).toBe('Server <strong>disconnected</strong> by the provider');
    expect(r.events[0]!.source).toEqual({ file: 'posts/x.md', line: 3, column: 3 });
    expect(r.events[1]!.zone).toBe('UTC+2');
  });
  it('heading entries take the paragraphs under them', () => {
    const r = extract(
      '## Timeline\n\n### August 30, 2020 - 1:40 AM (T-3days)\n\nFirst.\n\nSecond.\n\n#### 2018 October 21 23:07 UTC\n\nOther.',
      'America/Chicago',
    );
    expect(r.events.map((e) => e.text)).toEqual(['First.\n\nSecond.', 'Other.']);
    expect(r.events[0]!.html).toBe('<p>First.</p>\n<p>Second.</p>');
    expect(r.events[0]!.written?.offset).toEqual({ seconds: -259200, precision: 86400 });
  });
  it('consecutive lines of one paragraph are separate entries; prose lines join the entry before', () => {
    const r = extract('## Timeline\n\n03:25 one\n03:30 two\nmore about two\n\nLater prose.', 'UTC', D);
    expect(r.events.map((e) => e.text)).toEqual(['one', 'two\n\nmore about two\n\nLater prose.']);
    expect(r.events[1]!.source.line).toBe(4);
  });
  it('syslog lines take the year of the file date', () => {
    const r = extract('## Timeline\n\n- Jan  7 22:23:17 sshd: failed password for root', 'UTC', { year: 2017, month: 1, day: 1 });
    expect(iso(r.events[0]!.at)).toBe('2017-01-07T22:23:17.000Z');
    expect(r.events[0]!.text).toBe('sshd: failed password for root');
  });
  it('ranges have an end', () => {
    const r = extract('## Timeline\n\n- 14:00 – 16:00 maintenance\n- 18:10 - 20:15 outage', 'UTC', D);
    expect(r.events.map((e) => [iso(e.at), iso(e.end)])).toEqual([
      ['2020-09-02T14:00:00.000Z', '2020-09-02T16:00:00.000Z'],
      ['2020-09-02T18:10:00.000Z', '2020-09-02T20:15:00.000Z'],
    ]);
  });
  it('a GFM table whose first column is the time', () => {
    const md =
      '## Timeline\n\n| Time (UTC) | Event | Milestone |\n|---|---|---|\n| 2020-09-02 03:25 | Page *fired* | detected |\n| 03:40 | Rollback | mitigated |\n| 04:00 | All clear [resolved] | |';
    const r = extract(md, 'UTC');
    expect(r.events.map((e) => [iso(e.at), e.text, e.milestone])).toEqual([
      ['2020-09-02T03:25:00.000Z', 'Page fired', 'detected'],
      ['2020-09-02T03:40:00.000Z', 'Rollback', 'mitigated'],
      ['2020-09-02T04:00:00.000Z', 'All clear', 'resolved'],
    ]);
    expect(r.events[0]!.html).toBe('Page <em>fired</em>');
  });
  it('a Date | Time table', () => {
    const r = extract('## Timeline\n\n| Date | Time | What |\n|---|---|---|\n| 2017-01-31 | 23:27 | restart |', 'UTC');
    expect(iso(r.events[0]!.at)).toBe('2017-01-31T23:27:00.000Z');
  });
});

describe('extractTimeline: dates', () => {
  it('date headings and bold date lines set the date of time-only entries', () => {
    const md = '## Timeline\n\n### 2017-01-31\n\n- 23:27 a\n\n**February 1**\n\n- 00:10 b\n\n- 2017-02-03\n  - 09:00 c';
    const r = extract(md, 'UTC', { year: 2017, month: 1, day: 1 });
    expect(r.events.map((e) => iso(e.at))).toEqual(['2017-01-31T23:27:00.000Z', '2017-02-01T00:10:00.000Z', '2017-02-03T09:00:00.000Z']);
    expect(r.reporter.list.filter((d) => d.level !== 'info')).toEqual([]);
  });
  it('time going backwards rolls to the next day with a note', () => {
    const r = extract('## Timeline\n\n- 2020-09-02 23:50 a\n- 00:10 b\n- 00:20 c', 'UTC');
    expect(r.events.map((e) => iso(e.at))).toEqual(['2020-09-02T23:50:00.000Z', '2020-09-03T00:10:00.000Z', '2020-09-03T00:20:00.000Z']);
    const note = r.reporter.list.find((d) => d.rule === 'timeline/rollover');
    expect(note).toMatchObject({ level: 'warning', line: 4 });
    expect(note?.message).toContain('2020-09-03');
  });
  it('the entry before gives the date; else the context date', () => {
    const r = extract('## Timeline\n\n- 10:00 a\n- 2021-05-05 09:00 b\n- 11:00 c', 'UTC', D);
    expect(r.events.map((e) => iso(e.at))).toEqual(['2020-09-02T10:00:00.000Z', '2021-05-05T09:00:00.000Z', '2021-05-05T11:00:00.000Z']);
  });
  it('time-only with no date anywhere is an error, not a guess', () => {
    const r = extract('## Timeline\n\n- 10:00 a', 'UTC', null);
    expect(r.events).toEqual([]);
    expect(r.reporter.list[0]).toMatchObject({ level: 'error', rule: 'timeline/no-date', line: 3 });
  });
  it('lineOffset is added to every line', () => {
    const r = extract('## Timeline\n\n- 10:00 a\n- 25:99 b', 'UTC', D, 4);
    expect(r.events[0]!.source.line).toBe(7);
  });
});

describe('extractTimeline: markers and written offsets', () => {
  it('markers are stripped, case-insensitive, and set milestone / internal', () => {
    const md =
      '## Timeline\n\n- 03:00 [T0] start\n- 03:05 [Detected] alert\n- 03:06 [acknowledged] ack\n- 03:10 [MITIGATED] flag off\n- 03:20 [resolved] ok\n- 03:21 [internal] chat log';
    const r = extract(md, 'UTC', D);
    expect(r.events.map((e) => [e.milestone, e.internal, e.text])).toEqual([
      ['t0', false, 'start'],
      ['detected', false, 'alert'],
      ['acknowledged', false, 'ack'],
      ['mitigated', false, 'flag off'],
      ['resolved', false, 'ok'],
      [null, true, 'chat log'],
    ]);
    expect(r.events[0]!.isT0).toBe(true);
  });
  it.each([
    ['(T-3days)', -259200, 86400, undefined],
    ['(T-0)', 0, 60, undefined],
    ['(T+5hours20minutes)', 19200, 60, undefined],
    ['(T+7hours, +1h40m)', 25200, 3600, 6000],
    ['(T-2.5days, +5h)', -216000, 86400, 18000],
  ])('written %s', (w, seconds, precision, delta) => {
    const r = extract(`## Timeline\n\n- 03:00 ${w} text`, 'UTC', D);
    const e = r.events[0]!;
    expect(e.text).toBe('text');
    expect(e.written?.offset).toEqual({ seconds, precision });
    expect(e.written?.delta?.seconds).toBe(delta);
  });
  it('prose in the section is an info, not a warning', () => {
    const r = extract('## Timeline\n\nAll times are approximate.\n\n- 10:00 a', 'UTC', D);
    expect(r.reporter.list.map((d) => [d.level, d.rule])).toEqual([['info', 'timeline/no-timestamp']]);
  });
  it('sanitizes html and never mutates the tree', () => {
    const r = extract('## Timeline\n\n- 10:00 <script>alert(1)</script> [x](javascript:alert(1)) ok', 'UTC', D);
    expect(r.events[0]!.html).not.toMatch(/script|javascript/);
    expect(JSON.stringify(r.tree)).toContain('10:00');
  });
  it('metrics are null when milestones are missing', () => {
    const { tl } = build('## Timeline\n\n- 10:00 a\n- 11:00 [resolved] b', 'UTC', D);
    expect(tl.metrics).toEqual({ time_to_detect_s: null, time_to_acknowledge_s: null, time_to_mitigate_s: null, time_to_resolve_s: 3600 });
  });
});

describe('extractTimeline: year and DST order', () => {
  it('dates without a year roll into the next year when they go backwards', () => {
    const r = extract('## Timeline\n\n- Dec 31 23:50:00 a\n- Jan  1 00:10:00 b\n- Jan  1 00:20:00 c', 'UTC', { year: 2016, month: 12, day: 31 });
    expect(r.events.map((e) => iso(e.at))).toEqual(['2016-12-31T23:50:00.000Z', '2017-01-01T00:10:00.000Z', '2017-01-01T00:20:00.000Z']);
  });
  it('in a DST overlap the order of entries picks the second occurrence', () => {
    const r = extract('## Timeline\n\n- 2021-11-07 01:50 a\n- 01:10 b', 'America/Chicago');
    expect(r.events.map((e) => iso(e.at))).toEqual(['2021-11-07T06:50:00.000Z', '2021-11-07T07:10:00.000Z']);
    expect(r.reporter.list.filter((d) => d.rule === 'timeline/dst-overlap').map((d) => d.message)).toEqual([
      expect.stringContaining('earlier'),
      expect.stringContaining('later'),
    ]);
  });
});

describe('extractTimeline: section zone', () => {
  it.each([
    ['## Timeline (all times CDT)\n\n- 2020-01-15 03:25 a', 'UTC', '2020-01-15T08:25:00.000Z'],
    ['## Timeline (all times CST)\n\n- 2021-11-07 03:15 a', 'America/Chicago', '2021-11-07T09:15:00.000Z'],
    ['## Timeline — Europe/Berlin\n\n- 2020-01-15 03:25 a', 'UTC', '2020-01-15T02:25:00.000Z'],
    ['## Timeline\n\nAll times are in UTC.\n\n- 2020-01-15 03:25 a', 'America/Chicago', '2020-01-15T03:25:00.000Z'],
    ['## Timeline\n\nAll times CDT\n\n- 2020-01-15 03:25 a', 'UTC', '2020-01-15T08:25:00.000Z'],
    ['## Timeline\n\nAll times are Europe/Berlin. T0 is 03:25.\n\n- 2020-01-15 03:25 a', 'UTC', '2020-01-15T02:25:00.000Z'],
    ['## Timeline\n\n- 2020-01-15 03:25 PST a', 'Europe/Berlin', '2020-01-15T11:25:00.000Z'],
  ])('%j in %s', (md, zone, at) => {
    const r = extract(md, zone);
    expect(iso(r.events[0]!.at)).toBe(at);
    expect(r.reporter.list).toEqual([]);
  });
  it('an ambiguous abbreviation in the heading is an error', () => {
    const r = extract('## Timeline (all times IST)\n\n- 2020-01-15 03:25 a', 'UTC');
    expect(r.reporter.list[0]).toMatchObject({ level: 'error', rule: 'timeline/zone', line: 1 });
  });
});

describe('extractTimeline: markers before the timestamp', () => {
  it('[internal] [detected] 03:25 text', () => {
    const r = extract('## Timeline\n\n- [internal] [detected] 03:25 text', 'UTC', D);
    expect(r.events.map((e) => [iso(e.at), e.milestone, e.internal, e.text])).toEqual([['2020-09-02T03:25:00.000Z', 'detected', true, 'text']]);
  });
});

describe('extractTimeline: markers in the text under an entry', () => {
  it('a marker in the paragraph under a heading entry counts', () => {
    const r = extract('## Timeline\n\n### 2020-09-02 03:25\n\nCut off. [Detected]\n\nMore [internal]', 'UTC');
    expect(r.events.map((e) => [e.milestone, e.internal, e.text])).toEqual([['detected', true, 'Cut off.\n\nMore']]);
  });
});

describe('extractTimeline: section titles', () => {
  it.each(['Timeline', 'timeline', 'Incident Timeline', 'Detailed timeline (all times UTC)', 'TIMELINE — UTC'])('%s opens the section', (title) => {
    expect(extract(`### ${title}\n\n- 2020-01-01 10:00 a`, 'UTC').events).toHaveLength(1);
  });
  it.each(['Timelines of other things', 'Why the schedule slipped, a timeline of mistakes'])('%s does not', (title) => {
    expect(extract(`### ${title}\n\n- 2020-01-01 10:00 a`, 'UTC').section).toBeNull();
  });
});
