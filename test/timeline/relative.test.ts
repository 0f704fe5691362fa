import { describe, expect, it } from 'vitest';
import { parseIncident } from '../../src/incident/parse.js';
import { timelineMeta } from '../../src/render/incident-pages.js';
import { incidentTimeline } from '../../src/timeline/incident-timeline.js';
import { timelineToJson } from '../../src/timeline/json.js';
import { parseTimestamp } from '../../src/time/parse-timestamp.js';
import { readRelative } from '../../src/timeline/relative.js';
import { renderTimelineText } from '../../src/timeline/render-text.js';

// A narrative in the manner of the thrashing-Apache write-up: no clock times beyond the
// morning the mail did not come; the rest counted from T0 or from the entry before.
const NARRATIVE = [
  '---',
  'title: Apache thrashing on the hosted box',
  'date: 2002-06-18',
  'timezone: America/New_York',
  '---',
  '',
  '## Timeline',
  '',
  '- T-3d the advisory about chunked encoding is published',
  '- Tue 07:00 [T0] no "done!" mail this morning; ping answers, ssh and http do not',
  '- T+2h machine rebooted by the hosting support',
  '- +10m fcheck finds no modified file',
  '- T+5h httpd processes keep rising',
  '- +40m swap nearly full; the machine is thrashing',
  '- Wed 10:00 [resolved] the patched server has run a day without trouble',
  '',
].join('\n');

async function run(content: string) {
  const incident = parseIncident({ file: 'posts/raq.md', content }, { timezone: 'UTC', displayTimezone: null });
  const { timeline } = await incidentTimeline(process.cwd(), incident);
  return { timeline, json: timelineToJson(timeline, timelineMeta(incident, timeline)), incident };
}

describe('relative and weekday entries', () => {
  it('place a narrative from T0 and from the entry before, flagged derived in the JSON and the table', async () => {
    const { timeline, json } = await run(NARRATIVE);
    expect(json.events.map((e) => [e.at, e.offset, e.text.slice(0, 20)])).toEqual([
      ['2002-06-15T11:00:00.000Z', 'T-3d', 'the advisory about c'],
      ['2002-06-18T11:00:00.000Z', 'T+0', 'no "done!" mail this'],
      ['2002-06-18T13:00:00.000Z', 'T+2h', 'machine rebooted by '],
      ['2002-06-18T13:10:00.000Z', 'T+2h10m', 'fcheck finds no modi'],
      ['2002-06-18T16:00:00.000Z', 'T+5h', 'httpd processes keep'],
      ['2002-06-18T16:40:00.000Z', 'T+5h40m', 'swap nearly full; th'],
      ['2002-06-19T14:00:00.000Z', 'T+1d3h', 'the patched server h'],
    ]);
    expect(json.events.map((e) => e.derived ?? false)).toEqual([true, true, true, true, true, true, true]);
    expect(json.metrics.time_to_resolve_s).toBe(27 * 3600);
    expect(timeline.diagnostics.filter((d) => d.level !== 'info')).toEqual([]);
    // Every guess is explained at its line, for pm check.
    const info = timeline.diagnostics.filter((d) => d.rule === 'timeline/weekday' || d.rule === 'timeline/relative');
    expect(info.map((d) => `${d.line}:${d.column}: ${d.message}`)).toEqual([
      '9:3: T-3d is counted from T0: 2002-06-15T11:00:00.000Z',
      '10:3: Tue 07:00 is read as 2002-06-18, the nearest such day to 2002-06-18; write the date to choose another',
      '11:3: T+2h is counted from T0: 2002-06-18T13:00:00.000Z',
      '12:3: +10m is counted from the entry before (line 11): 2002-06-18T13:10:00.000Z',
      '13:3: T+5h is counted from T0: 2002-06-18T16:00:00.000Z',
      '14:3: +40m is counted from the entry before (line 13): 2002-06-18T16:40:00.000Z',
      '15:3: Wed 10:00 is read as 2002-06-19, the nearest such day to 2002-06-18; write the date to choose another',
    ]);
    const table = renderTimelineText(json);
    expect(table.split('\n').find((l) => l.includes('machine rebooted'))).toMatch(/derived/);
  });

  it('a written time is not derived', async () => {
    const { json } = await run(NARRATIVE.replace('- Tue 07:00 [T0]', '- 2002-06-18 07:00 [T0]'));
    expect(json.events[1]!.derived).toBeUndefined();
  });

  it('without any T0, a T+ entry is an error at its line and is left out', async () => {
    const content = ['---', 'title: x', 'date: 2002-06-18', '---', '', '## Timeline', '', '- T+2h machine rebooted', ''].join('\n');
    const { timeline } = await run(content);
    expect(timeline.events).toEqual([]);
    expect(timeline.diagnostics.map((d) => `${d.line}:${d.level}:${d.rule}`)).toEqual(['8:error:timeline/relative']);
    expect(timeline.diagnostics[0]!.message).toMatch(/T\+2h is counted from T0, and there is none/);
  });

  it('a weekday that contradicts the written date is an error', async () => {
    const content = NARRATIVE.replace('- Tue 07:00 [T0]', '- Tue, 2002-06-19 07:00 [T0]');
    const { incident } = await run(content);
    const d = incident.diagnostics.find((x) => x.rule === 'timeline/timestamp');
    expect(d).toMatchObject({ level: 'error', line: 10 });
    expect(d!.message).toBe('2002-06-19 is a Wednesday, not a Tuesday; fix the weekday or the date');
  });

  it.each([
    ['Tuesday, 8am: no mail', '2002-06-18T08:00:00.000Z'],
    ['Sat 23:00 backups', '2002-06-15T23:00:00.000Z'],
    ['Fri. 9:15 PM report', '2002-06-21T21:15:00.000Z'],
  ])('%s: the nearest such day to Tue 2002-06-18', (text, at) => {
    const r = parseTimestamp(text, { zone: 'UTC', date: { year: 2002, month: 6, day: 18 } });
    expect(r.ok && r.weekday && new Date(r.at!).toISOString()).toBe(at);
  });

  it('reads only offsets with a unit at the very start', () => {
    expect(readRelative('T+2h machine rebooted')).toMatchObject({ base: 't0', seconds: 7200, written: 'T+2h' });
    expect(readRelative('T-3d abuse report')).toMatchObject({ base: 't0', seconds: -259200 });
    expect(readRelative('+40m swap nearly full')).toMatchObject({ base: 'previous', seconds: 2400 });
    expect(readRelative('+1 hour 30 min: back')).toMatchObject({ base: 'previous', seconds: 5400 });
    for (const text of ['+1 for this idea', 'T+0 server down', '40m later', 'Tuesday was quiet', '+3 more hosts']) {
      expect(readRelative(text), text).toBeNull();
    }
  });
});
