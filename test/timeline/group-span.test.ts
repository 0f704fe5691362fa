import { describe, it, expect } from 'vitest';
import { Reporter } from '../../src/diagnostics.js';
import { Grouper } from '../../src/sources/group.js';
import { computeTimeline } from '../../src/timeline/compute.js';
import { timelineToJson } from '../../src/timeline/json.js';
import { renderTimelineText } from '../../src/timeline/render-text.js';
import type { TimelineEvent, TimelineJson } from '../../src/timeline/types.js';

const incident: TimelineJson['incident'] = {
  slug: 'x',
  title: 'x',
  t0: null,
  timezone: 'UTC',
  display_timezone: 'Europe/Berlin',
  tags: [],
  severity: null,
  status: null,
};

/** Folds `Failed password` lines written in UTC at the given instants (one run). */
function grouped(instants: number[]): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  const g = new Grouper<{ at: number; text: string }>(
    3_600_000,
    (e) => out.push(e),
    (rec, line) => ({
      at: rec.at,
      end: null,
      zone: 'UTC',
      approximate: false,
      text: rec.text,
      html: rec.text,
      milestone: null,
      internal: false,
      source: { file: 'posts/x/auth.log', line },
    }),
  );
  instants.forEach((at, i) => g.add({ at, text: `Failed password for root from 203.0.113.${i} port 4${i} <x>` }, i + 1));
  g.flush();
  return out;
}

function publish(events: TimelineEvent[], displayZone: string): TimelineJson {
  const tl = computeTimeline(events, { displayZone, reporter: new Reporter('posts/x/index.md') });
  return timelineToJson(tl, { ...incident, display_timezone: displayZone });
}

const JAN_7 = Date.UTC(2024, 0, 7, 22, 23, 17);

describe('grouped log events show their span in the display zone', () => {
  it('UTC log, page in Europe/Berlin: the span is in CET, like the Local column', () => {
    const j = publish(grouped([JAN_7, JAN_7 + 465_000]), 'Europe/Berlin');
    const e = j.events[0]!;
    expect(e.local).toBe('2024-01-07 23:23:17 CET');
    expect(e.text).toBe('2× Failed password for root from 203.0.113.0 port 40 <x> · 23:23:17–23:31:02 CET');
    expect(e.html).toBe('2× Failed password for root from 203.0.113.0 port 40 &lt;x&gt; · 23:23:17–23:31:02 CET');
    expect(renderTimelineText(j)).toContain('23:23:17 CET – 23:31:02 CET');
  });
  it('the same events shown in UTC', () => {
    const j = publish(grouped([JAN_7, JAN_7 + 465_000]), 'UTC');
    expect(j.events[0]!.text).toMatch(/ · 22:23:17–22:31:02 UTC$/);
  });
  it('a span across a DST change labels both ends', () => {
    const j = publish(grouped([Date.UTC(2021, 10, 7, 6, 50), Date.UTC(2021, 10, 7, 7, 10)]), 'America/Chicago');
    expect(j.events[0]!.text).toMatch(/ · 01:50:00 CDT–01:10:00 CST$/);
  });
  it('no span for a single line or lines at one instant', () => {
    const j = publish([...grouped([JAN_7]), ...grouped([JAN_7, JAN_7])], 'UTC');
    expect(j.events.map((e) => e.text)).toEqual([
      'Failed password for root from 203.0.113.0 port 40 <x>',
      '2× Failed password for root from 203.0.113.0 port 40 <x>',
    ]);
  });
});
