import { describe, expect, it } from 'vitest';
import { parseIncident } from '../../src/incident/parse.js';

const config = { timezone: 'UTC', displayTimezone: null };
const iso = (ms: number) => new Date(ms).toISOString();
const parse = (front: string, body: string) =>
  parseIncident({ file: 'posts/2020-09-02-de1.md', content: `---\ntitle: de1 outage\n${front}---\n${body}` }, config);

// Written the way the hashbang de1 report is: a title line, a note on the zone in the author's
// words, prose, then entries as "Month D, YYYY - H:MM AM (T…)" paragraphs.
const report = (note: string): string =>
  [
    'de1 Incident Report - 2020-09-02', // line 4 (front-matter: lines 1-3)
    '',
    note, // line 6
    '',
    'Early this morning the de1 box stopped answering. The timeline follows.',
    '',
    '## Timeline of events',
    '',
    'August 30, 2020 - 1:40 AM (T-3days)',
    '',
    'An abuse report lands in the inbox.',
    '',
    'September 2, 2020 - 3:25 AM (T-0)',
    '',
    'The host is cut off from the network.',
    '',
    'September 2, 2020 - 2:08 PM (T+11hours40minutes)',
    '',
    'Outbound traffic is back.',
    '',
  ].join('\n');

describe('a zone note in the author’s words sets the document’s zone', () => {
  it('"dates in this write-up were written in US/Central timezone" reads every entry in America/Chicago', () => {
    const i = parse('', report('Note: to keep things simple for me, the dates in this write-up were written in US/Central timezone.'));
    expect(i.timezone).toBe('America/Chicago');
    expect(i.displayTimezone).toBe('America/Chicago');
    expect(i.events.map((e) => iso(e.at))).toEqual(['2020-08-30T06:40:00.000Z', '2020-09-02T08:25:00.000Z', '2020-09-02T19:08:00.000Z']);
    // The front-matter date (from the file name) is that day in the note's zone, too.
    expect(iso(i.date)).toBe('2020-09-02T05:00:00.000Z');
    const info = i.diagnostics.filter((d) => d.rule === 'timeline/zone-note');
    expect(info).toHaveLength(1);
    const col = 'Note: to keep things simple for me, the dates in this write-up were written in '.length + 1;
    expect(info[0]).toMatchObject({ level: 'info', line: 6, column: col });
    expect(info[0]!.message).toContain('America/Chicago');
    expect(info[0]!.message).toContain('"US/Central"');
  });

  it('an abbreviation in the note: "All times below are CEST." is UTC+2', () => {
    const i = parse('', report('All times below are CEST.'));
    expect(i.timezone).toBe('UTC+2');
    expect(iso(i.events[1]!.at)).toBe('2020-09-02T01:25:00.000Z');
  });

  it('a note inside a block quote or after other prose still counts; prose without time words does not', () => {
    const quoted = parse('', report('> Heads up: timestamps are UTC+9 throughout.'));
    expect(quoted.timezone).toBe('UTC+9');
    const unrelated = parse('', report('Our provider runs the box out of Europe/Berlin and we pay them monthly.'));
    expect(unrelated.timezone).toBe('UTC');
    expect(unrelated.diagnostics.filter((d) => d.rule === 'timeline/zone-note')).toEqual([]);
    // a zone after a clock time in the story is that time's zone
    expect(parse('', report('At times the clocks went back from 03:00 CEST to 02:00 CET, twice.')).timezone).toBe('UTC');
    // one time of one thing is not the post's times
    expect(parse('', report('The CET time on the backup job was wrong, which did not help.')).timezone).toBe('UTC');
  });

  it('the front-matter timezone wins over a note, and a disagreeing note is a warning at the note', () => {
    const i = parse('timezone: Europe/Berlin\n', report('Note: the dates in this write-up were written in US/Central timezone.'));
    expect(i.timezone).toBe('Europe/Berlin');
    expect(iso(i.events[1]!.at)).toBe('2020-09-02T01:25:00.000Z');
    const w = i.diagnostics.filter((d) => d.rule === 'timeline/zone-note');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ level: 'warning', line: 7 });
    expect(w[0]!.message).toContain('front-matter wins');
  });

  it('a front-matter zone that agrees with the note says nothing', () => {
    const i = parse('timezone: America/Chicago\n', report('Note: dates in this post are US/Central time.'));
    expect(i.diagnostics.filter((d) => d.rule === 'timeline/zone-note')).toEqual([]);
  });

  it('a sentence about times naming a zone pm cannot apply is a warning, and nothing is guessed', () => {
    const unknown = parse('', report('Note: dates in this post were made in US/Centrall timezone.'));
    expect(unknown.timezone).toBe('UTC');
    expect(unknown.diagnostics.filter((d) => d.rule === 'timeline/zone-note')).toMatchObject([
      { level: 'warning', line: 6, column: 'Note: dates in this post were made in '.length + 1 },
    ]);
    const vague = parse('', report('Note: dates in this post use my local timezone.'));
    expect(vague.timezone).toBe('UTC');
    expect(vague.diagnostics.filter((d) => d.rule === 'timeline/zone-note')).toMatchObject([{ level: 'warning', line: 6 }]);
    const ambiguous = parse('', report('All times are IST.'));
    expect(ambiguous.timezone).toBe('UTC');
    expect(ambiguous.diagnostics.find((d) => d.rule === 'timeline/zone-note')?.message).toContain('ambiguous');
  });

  it('two zones in one note, or two notes that disagree, set nothing and warn', () => {
    const two = parse('', report('Times are in CET, or UTC+2 when we switched.'));
    expect(two.timezone).toBe('UTC');
    expect(two.diagnostics.find((d) => d.rule === 'timeline/zone-note')?.message).toContain('several zones');
    const notes = parse('', report('All times are UTC+9.\n\nActually, the times are in America/Denver.'));
    expect(notes.timezone).toBe('UTC');
    expect(notes.diagnostics.find((d) => d.rule === 'timeline/zone-note')).toMatchObject({ level: 'warning', line: 8 });
  });

  it('a note after the Timeline heading is the section’s business, not the document’s', () => {
    const body = ['## Timeline', '', 'All times are UTC+9.', '', '- 10:00 started', ''].join('\n');
    const i = parse('date: 2020-09-02\n', body);
    expect(i.timezone).toBe('UTC');
    expect(iso(i.events[0]!.at)).toBe('2020-09-02T01:00:00.000Z');
  });

  it('without a Timeline section the first paragraphs are read', () => {
    const i = parse('', 'All dates here are America/Denver.\n\nThe rest of the story.\n');
    expect(i.timezone).toBe('America/Denver');
  });
});
