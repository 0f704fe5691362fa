import { describe, expect, it } from 'vitest';
import { parseIncident } from '../../src/incident/parse.js';
import { timelineMeta } from '../../src/render/incident-pages.js';
import { incidentTimeline } from '../../src/timeline/incident-timeline.js';
import { timelineToJson } from '../../src/timeline/json.js';
import { renderTimelineText } from '../../src/timeline/render-text.js';

// The compromised-Cacti story: files found "time stamped two weeks ago" give a day, not a time.
const POST = [
  '---',
  'title: Cacti box compromised',
  'date: 2007-01-31',
  'timezone: America/New_York',
  '---',
  '',
  '## Timeline',
  '',
  '- 2007-01-17 files dropped by the intruder (ping, ping.1, ping.txt)',
  '- 2007-01-31 06:10 [detected] the customer complains of network lag',
  '- 2007-01-31 [mitigated] IRC bots removed',
  '- 2007-01-31 14:00 [mitigated] Cacti reinstalled, traffic back to normal',
  '',
].join('\n');

describe('an entry written as a date alone', () => {
  it('shows the date without an invented clock, and a timed entry wins the metric', async () => {
    const incident = parseIncident({ file: 'posts/cacti.md', content: POST }, { timezone: 'UTC', displayTimezone: null });
    const { timeline } = await incidentTimeline(process.cwd(), incident);
    const json = timelineToJson(timeline, timelineMeta(incident, timeline));
    expect(json.events.map((e) => [e.local, e.date_only ?? false])).toEqual([
      ['2007-01-17', true],
      ['2007-01-31', true],
      ['2007-01-31 06:10 EST', false],
      ['2007-01-31 14:00 EST', false],
    ]);
    // Sorted at the start of its day: 2007-01-31 00:00 EST.
    expect(json.events[1]!.at).toBe('2007-01-31T05:00:00.000Z');
    // 06:10 → 14:00, not 06:10 → the midnight before it.
    expect(json.metrics.time_to_mitigate_s).toBe(7 * 3600 + 50 * 60);
    const row = renderTimelineText(json)
      .split('\n')
      .find((l) => l.includes('files dropped'))!;
    expect(row).not.toMatch(/\d{2}:\d{2}/);
    expect(row.startsWith('2007-01-17 ')).toBe(true);
    const info = timeline.diagnostics.filter((d) => d.rule === 'timeline/date-only').map((d) => d.line);
    expect(info).toEqual([9, 11]);
  });
});
