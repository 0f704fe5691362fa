import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseIncident } from '../../src/incident/parse.js';
import { incidentTimeline } from '../../src/timeline/incident-timeline.js';

// An ssh brute force over New Year: the post is dated 2018-01-03, the incident
// started on 2017-12-28, and auth.log (no years, as syslog writes it) runs across
// New Year. A second log is half a year away from T0.
const INCIDENT = [
  '---',
  'title: SSH brute force over New Year',
  'date: 2018-01-03',
  'sources:',
  '  - auth.log',
  '  - path: cron.log',
  '---',
  '',
  '## Timeline',
  '',
  '- 2017-12-28 09:55 UTC [T0] first alert from the login monitor',
  '- 2018-01-02 10:00 UTC [resolved] fail2ban installed, root login disabled',
  '',
].join('\n');
const AUTH = [
  'Dec 28 09:58:01 web sshd[4121]: Failed password for root from 121.18.238.104 port 4411 ssh2',
  'Dec 31 23:59:59 web sshd[4200]: Failed password for root from 121.18.238.104 port 4412 ssh2',
  'Jan  1 00:00:03 web sshd[4201]: Failed password for root from 121.18.238.104 port 4413 ssh2',
  '',
].join('\n');
const CRON = 'Jun 20 04:00:00 web CRON[88]: (root) CMD (backup.sh)\n';
const FILE = 'posts/2018-01-03-brute/index.md';
let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'pm-year-'));
  mkdirSync(path.join(root, 'posts/2018-01-03-brute'), { recursive: true });
  writeFileSync(path.join(root, FILE), INCIDENT);
  writeFileSync(path.join(root, 'posts/2018-01-03-brute/auth.log'), AUTH);
  writeFileSync(path.join(root, 'posts/2018-01-03-brute/cron.log'), CRON);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the year of a yearless log line', () => {
  it('is the one nearest T0, not the post date; a line still ~6 months away is a warning', async () => {
    const incident = parseIncident({ file: FILE, content: INCIDENT }, { timezone: 'UTC', displayTimezone: null });
    const { timeline } = await incidentTimeline(root, incident);
    const fromLog = (file: string) => timeline.events.filter((e) => e.source.file.endsWith(file)).map((e) => new Date(e.at).toISOString());
    expect(fromLog('auth.log')).toEqual(['2017-12-28T09:58:01.000Z', '2017-12-31T23:59:59.000Z', '2018-01-01T00:00:03.000Z']);
    // T+3m01s, not T+364d.
    expect(timeline.events.find((e) => e.source.file.endsWith('auth.log'))!.offsetS).toBe(181);
    // 173 days after T0 in 2018, 191 days before it in 2017: 2018, with a warning.
    expect(fromLog('cron.log')).toEqual(['2018-06-20T04:00:00.000Z']);
    const far = timeline.diagnostics.filter((d) => d.level === 'warning');
    expect(far.map((d) => `${d.file}:${d.line}:${d.rule}`)).toEqual(['posts/2018-01-03-brute/cron.log:1:source/time-note']);
    const guess = timeline.diagnostics.find((d) => d.file.endsWith('auth.log'))!;
    expect(guess).toMatchObject({ level: 'info', line: 1, column: 1, rule: 'source/time-note' });
    expect(guess.message).toBe('Dec 28 09:58:01 has no year: read as 2017, the year that puts it nearest T0 (not 2018); set `year:` on the source to choose');
    expect(far[0]!.message).toMatch(/^Jun 20 04:00:00 has no year and is 173 days from T0 \(2017-12-28\).*set `year:`/);
  });

  it('`year:` on the source still wins', async () => {
    const content = INCIDENT.replace('  - path: cron.log', '  - path: cron.log\n    year: 2018');
    const incident = parseIncident({ file: FILE, content }, { timezone: 'UTC', displayTimezone: null });
    const { timeline } = await incidentTimeline(root, incident);
    const cron = timeline.events.find((e) => e.source.file.endsWith('cron.log'))!;
    expect(new Date(cron.at).toISOString()).toBe('2018-06-20T04:00:00.000Z');
    expect(timeline.diagnostics.filter((d) => d.level === 'warning')).toEqual([]);
  });
});
