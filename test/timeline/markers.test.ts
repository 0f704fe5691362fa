import { describe, expect, it } from 'vitest';
import { parseIncident } from '../../src/incident/parse.js';
import { timelineMeta } from '../../src/render/incident-pages.js';
import { incidentTimeline } from '../../src/timeline/incident-timeline.js';
import { timelineToJson } from '../../src/timeline/json.js';
import { readMarkers, stripMarkers } from '../../src/timeline/markers.js';
import { renderTimelineText } from '../../src/timeline/render-text.js';

// The shape of the hashbang de1 report: dated paragraphs with written offsets, the
// start marked `(T-0)` by the author, prose under each.
const REPORT = [
  '---',
  'title: de1 unreachable',
  'date: 2020-09-02',
  'timezone: US/Central',
  '---',
  '',
  '## Timeline',
  '',
  'August 30, 2020 - 1:40 AM (T-3days)',
  '',
  'An abuse report arrives from the hosting company.',
  '',
  'September 2, 2020 - 3:25 AM (T-0)',
  '',
  'The server loses its outbound traffic while everyone sleeps.',
  '',
  'September 2, 2020 - 8:45 AM (T+5hours20minutes)',
  '',
  'Someone notices on IRC.',
  '',
].join('\n');

async function timeline(content: string) {
  const incident = parseIncident({ file: 'posts/de1.md', content }, { timezone: 'UTC', displayTimezone: null });
  const { timeline: tl } = await incidentTimeline(process.cwd(), incident);
  return { tl, json: timelineToJson(tl, timelineMeta(incident, tl)) };
}

describe('a written T-0 marks T0', () => {
  it('`(T-0)` in the hashbang report is the T0 milestone (JSON milestone, table badge), without `[T0]`', async () => {
    const { tl, json } = await timeline(REPORT);
    expect(json.events.map((e) => e.milestone)).toEqual([null, 't0', null]);
    expect(tl.t0Source).toBe('marker');
    expect(json.incident.t0).toBe('2020-09-02T08:25:00.000Z');
    expect(json.events[1]!.text).toBe('The server loses its outbound traffic while everyone sleeps.');
    expect(
      renderTimelineText(json)
        .split('\n')
        .find((l) => l.includes('outbound')),
    ).toMatch(/★ t0/);
    expect(tl.diagnostics.filter((d) => d.level !== 'info')).toEqual([]);
  });

  it.each([
    ['(T0)', 'The server is disconnected.'],
    ['T-0', 'The server is disconnected.'],
    ['T+0', 'The server is disconnected.'],
    ['(T+0)', 'The server is disconnected.'],
  ])('%s written after the time means T0 too', async (mark, text) => {
    const { json } = await timeline(REPORT.replace('3:25 AM (T-0)', `3:25 AM ${mark} The server is disconnected.`));
    expect(json.events[1]!.milestone).toBe('t0');
    expect(json.events[1]!.text.startsWith(text)).toBe(true);
  });

  it('a T-0 that is part of other words or offsets is not T0', () => {
    for (const text of ['(T-3days)', '(T+0.5h)', 'T-01 rollout', 'see T-05 ticket', 'dial T-0800']) {
      expect(readMarkers(text, { milestone: null, t0: false, internal: false }).t0).toBe(false);
      expect(stripMarkers(text)).toBe(text);
    }
  });
});
