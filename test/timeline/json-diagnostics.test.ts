import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics.js';
import { parseIncident } from '../../src/incident/parse.js';
import { timelineMeta } from '../../src/render/incident-pages.js';
import { incidentTimeline } from '../../src/timeline/incident-timeline.js';
import { timelineToJson } from '../../src/timeline/json.js';

// One incident whose timeline has something to say at every stage: the entries
// (a DST gap, a date that does not exist), the logs (an unknown key, a missing file,
// Feb 29 in 2021) and the computation (a written offset that is wrong).
const INCIDENT = [
  '---',
  'title: Diagnostics everywhere',
  'date: 2021-03-14',
  'timezone: America/Chicago',
  'sources:',
  '  - path: auth.log',
  '    grup: 10m',
  '  - missing.log',
  '---',
  '',
  '## Timeline',
  '',
  '- 01:00 [T0] start',
  '- 02:30 clocks jump',
  '- 02:45 [internal] private note in the gap',
  '- 04:00 check (T+1h)',
  '- Feb 29 10:00 no such day',
  '',
].join('\n');
const LOG = 'Mar 14 07:00:00 web sshd[1]: Accepted publickey for ops\nFeb 29 07:01:00 web sshd[2]: leap day that is not\n';

let root: string;
const FILE = 'posts/2021-03-14-diag/index.md';

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'pm-diag-'));
  mkdirSync(path.join(root, 'posts/2021-03-14-diag'), { recursive: true });
  writeFileSync(path.join(root, FILE), INCIDENT);
  writeFileSync(path.join(root, 'posts/2021-03-14-diag/auth.log'), LOG);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function run(isPublic: boolean) {
  const incident = parseIncident({ file: FILE, content: INCIDENT }, { timezone: 'UTC', displayTimezone: null });
  const out = await incidentTimeline(root, incident, { public: isPublic });
  const json = timelineToJson(out.timeline, timelineMeta(incident, out.timeline), { public: isPublic });
  return { incident, ...out, json };
}

describe('timeline JSON diagnostics', () => {
  it('hold every diagnostic about the timeline: entries, sources and computation, in file/line order', async () => {
    const { json } = await run(false);
    expect(json.diagnostics.map((d) => `${d.file}:${d.line} ${d.level} ${d.rule}`)).toEqual([
      'posts/2021-03-14-diag/auth.log:0 warning source/malformed-summary',
      'posts/2021-03-14-diag/auth.log:2 warning source/invalid-date',
      `${FILE}:6 error source/missing`,
      `${FILE}:6 warning source/unknown-key`,
      `${FILE}:14 warning timeline/dst-gap`,
      `${FILE}:15 warning timeline/dst-gap`,
      `${FILE}:16 warning timeline/offset-mismatch`,
      `${FILE}:17 error timeline/timestamp`,
    ]);
    expect(json.diagnostics.find((d) => d.rule === 'source/unknown-key')?.message).toContain('did you mean `group`?');
    expect(Object.keys(json.diagnostics[0]!)).toEqual(['level', 'file', 'line', 'column', 'rule', 'message']);
  });

  it('pm check still sees each diagnostic once', async () => {
    const { incident, diagnostics, json } = await run(false);
    const check = [...incident.diagnostics, ...diagnostics].map(formatDiagnostic);
    expect(new Set(check).size).toBe(check.length);
    // The unknown key `grup` is a warning, not an error, and its entry is still read.
    expect(check.filter((line) => /unknown key/.test(line))).toEqual([expect.stringContaining(': warning: source/unknown-key: ')]);
    for (const d of json.diagnostics) expect(check).toContain(formatDiagnostic(d as Diagnostic));
  });

  it('--public keeps them, except those at the line of an [internal] event', async () => {
    const all = (await run(false)).json.diagnostics;
    const pub = (await run(true)).json.diagnostics;
    expect(all.filter((d) => d.line === 15)).toHaveLength(1);
    expect(pub).toEqual(all.filter((d) => !(d.file === FILE && d.line === 15)));
  });

  it('is the same bytes on every run', async () => {
    expect(JSON.stringify((await run(false)).json)).toBe(JSON.stringify((await run(false)).json));
  });
});
