import { describe, it, expect } from 'vitest';
import { timelineToJson } from '../../src/timeline/json.js';
import { renderTimelineHtml } from '../../src/timeline/render-html.js';
import { renderTimelineMarkdown, renderTimelineText } from '../../src/timeline/render-text.js';
import { formatLocal } from '../../src/time/format.js';
import type { TimelineJson } from '../../src/timeline/types.js';
import { build } from './helpers.js';

const incident: TimelineJson['incident'] = {
  slug: 'de1',
  title: 'DE1 <blocked>',
  t0: null,
  timezone: 'America/Chicago',
  display_timezone: 'America/Chicago',
  tags: ['network'],
  severity: 'major',
  status: 'resolved',
};
const md = [
  '## Timeline',
  '',
  '- August 30, 2020 - 1:40 AM (T-3days) Abuse report **received**',
  '- September 2, 2020 - 3:25 AM (T-0) [detected] Server disconnected',
  '- ~8:45 AM [internal] woke up',
  '- 10:28 AM CDT [mitigated] reply \u001b[31mred\u001b[0m <b>x</b> | pipe',
].join('\n');

function json(pub = false): TimelineJson {
  const { tl } = build(md, 'America/Chicago', null);
  return timelineToJson(tl, incident, { public: pub });
}

describe('timelineToJson', () => {
  it('is exactly the §5 shape with a fixed key order', () => {
    const j = json();
    expect(Object.keys(j)).toEqual(['schema', 'incident', 'metrics', 'events', 'diagnostics']);
    expect(Object.keys(j.incident)).toEqual(['slug', 'title', 't0', 'timezone', 'display_timezone', 'tags', 'severity', 'status']);
    expect(j.incident.t0).toBe('2020-09-02T08:25:00.000Z');
    expect(j.metrics).toEqual({ time_to_detect_s: 0, time_to_acknowledge_s: null, time_to_mitigate_s: 25380, time_to_resolve_s: null });
    expect(j.events[0]).toEqual({
      at: '2020-08-30T06:40:00.000Z',
      local: '2020-08-30 01:40 CDT',
      zone: 'America/Chicago',
      end: null,
      approximate: false,
      offset_s: -265500,
      offset: 'T-3d1h45m',
      delta_s: null,
      delta: null,
      text: 'Abuse report received',
      html: 'Abuse report <strong>received</strong>',
      milestone: null,
      source: { file: 'posts/x.md', line: 3 },
    });
    expect(j.events[2]).toMatchObject({ approximate: true, internal: true, delta: '+5h20m' });
    expect(j.diagnostics.every((d) => Object.keys(d).join() === 'level,file,line,column,rule,message')).toBe(true);
  });
  it('public output leaves internal events out and recomputes deltas', () => {
    const j = json(true);
    expect(j.events.map((e) => e.text)).not.toContain('woke up');
    expect(j.events.some((e) => 'internal' in e)).toBe(false);
    expect(j.events[2]!.delta).toBe('+7h3m');
  });
  it('is deterministic', () => {
    expect(JSON.stringify(json())).toBe(JSON.stringify(json()));
  });
  it('local time labels come from the table, not the machine locale', () => {
    const ms = Date.UTC(2023, 6, 1, 12, 0, 5);
    expect(formatLocal(ms, 'Europe/Berlin')).toBe('2023-07-01 14:00:05 CEST');
    expect(formatLocal(ms, 'Asia/Kolkata')).toBe('2023-07-01 17:30:05 IST');
    expect(formatLocal(ms, 'Asia/Kathmandu')).toBe('2023-07-01 17:45:05 UTC+5:45');
    expect(formatLocal(ms + 0.456, 'UTC', '.123456')).toBe('2023-07-01 12:00:05.123456 UTC');
  });
});

describe('renderers', () => {
  it('HTML: a pm-timeline table, strings escaped, html inserted as is', () => {
    const h = renderTimelineHtml(json());
    expect(h.startsWith('<table class="pm-timeline"')).toBe(true);
    expect(h).toContain('DE1 &lt;blocked&gt;');
    expect(h).toContain('<strong>received</strong>');
    expect(h).toContain('<time datetime="2020-08-30T06:40:00.000Z">2020-08-30 01:40 CDT</time>');
    expect(h).toContain('T-3d1h45m');
    expect(h).toContain('pm-milestone-detected');
    expect(h).toContain('pm-mark-approximate');
    // raw HTML follows GitHub's rules: <b> stays (and the escape codes are text)
    expect(h).toContain('<b>x</b>');
    expect(renderTimelineHtml(json(), { format: 'long' })).toContain('T-3 days 1 hour 45 minutes');
  });
  it('text: aligned columns, ANSI and control characters stripped', () => {
    const t = renderTimelineText(json());
    expect(t).not.toContain('\u001b');
    expect(t).toContain('T-3d1h45m');
    expect(t).toContain('2020-08-30 06:40 UTC');
    expect(t).toMatch(/★ detected/);
    const lines = t.split('\n');
    expect(lines[0]).toMatch(/^Local\s+UTC\s+T±\s+Δ\s+Event$/);
  });
  it('markdown: a GFM table with cell text escaped', () => {
    const m = renderTimelineMarkdown(json());
    expect(m.split('\n')[1]).toBe('|---|---|---|---|---|---|---|');
    expect(m).toContain('\\| pipe');
    expect(m).not.toContain('<b>');
  });
});
