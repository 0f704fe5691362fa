/**
 * One severity policy (issue #17): whatever an author writes in `severity:`, the badge on
 * the page, the Statuspage impact in api/v2/incidents.json and the insights level agree.
 * Before, `P1`, `SEV0` and `blocker` had the lowest badge but a `critical` impact.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';
import { severityLevel, type SeverityLevel } from '../../src/incident/severity.js';
import { levelOf } from '../../src/insights/severity.js';
import { impactOf } from '../../src/outputs/statuspage.js';
import { STATUSPAGE_PATH } from '../../src/outputs/paths.js';
import { severityClass } from '../../src/render/views.js';
import { tempDir } from '../cli/helpers.js';

// What incident write-ups in the wild put in a severity field, and the level each means.
const TABLE: Array<[string | null, SeverityLevel | null]> = [
  ['SEV0', 1],
  ['SEV1', 1],
  ['sev-1', 1],
  ['Sev 1', 1],
  ['SEV_1', 1],
  ['P0', 1],
  ['P1', 1],
  ['p-1', 1],
  ['1', 1],
  ['critical', 1],
  ['Critical', 1],
  ['CRIT', 1],
  ['blocker', 1],
  ['Blocker', 1],
  ['SEV1 (customer facing)', 1],
  ['Critical: checkout down', 1],
  ['SEV 1 – payments', 1],
  ['SEV2', 2],
  ['sev2', 2],
  ['P2', 2],
  ['major', 2],
  ['Major', 2],
  ['High', 2],
  ['2', 2],
  ['SEV3', 3],
  ['sev 3', 3],
  ['P3', 3],
  ['minor', 3],
  ['Medium', 3],
  ['moderate', 3],
  ['SEV4', 4],
  ['P4', 4],
  ['low', 4],
  ['Low', 4],
  ['SEV5', 4],
  ['purple', 4],
  ['highest', 4],
  ['P10', 4],
  ['sev-12', 4],
  [null, null],
  ['', null],
  ['   ', null],
];

const IMPACT = { 1: 'critical', 2: 'major', 3: 'minor', 4: 'none' } as const;

describe('severity spellings', () => {
  it.each(TABLE)('%j is level %j on the badge, in the Statuspage impact and in insights', (written, level) => {
    expect(severityLevel(written)).toBe(level);
    const key = level === null ? 'sev-unknown' : `sev-${level}`;
    expect(severityClass(written)).toBe(key);
    expect(levelOf(written)).toBe(key);
    expect(impactOf(written)).toBe(level === null ? 'none' : IMPACT[level]);
  });
});

describe('a built site', () => {
  const root = tempDir('pm-severity-');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('shows each incident with the badge, impact and insights level of one policy', async () => {
    mkdirSync(path.join(root, 'posts'));
    writeFileSync(path.join(root, 'pm.config.yaml'), 'search: false\n');
    const written = ['P1', 'SEV0', 'blocker', 'High', 'sev-3', 'P4'];
    written.forEach((severity, i) => {
      const post = ['---', `title: Outage ${i}`, `date: 2024-03-${String(10 + i)}`, 'timezone: UTC', `severity: "${severity}"`, '---', '', 'Body.', ''];
      writeFileSync(path.join(root, 'posts', `2024-03-${String(10 + i)}-outage-${i}.md`), post.join('\n'));
    });
    const r = await buildSite({ root, write: false });
    expect(r.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    const page = (p: string): string => String(r.pages.find((x) => x.path === p)?.contents);
    const api = JSON.parse(page(STATUSPAGE_PATH)) as { incidents: Array<{ id: string; impact: string }> };
    const insights = JSON.parse(page('insights.json')) as { severity_levels: Array<{ key: string; written: Array<{ severity: string }> }> };
    for (const [i, severity] of written.entries()) {
      const slug = `2024-03-${String(10 + i)}-outage-${i}`;
      const badge = /<span class="sev (sev-[\w-]+)">([^<]*)<\/span>/.exec(page(`incidents/${slug}/index.html`));
      expect(badge?.[2]).toBe(severity);
      const level = Number(badge?.[1]?.slice('sev-'.length)) as SeverityLevel;
      expect(api.incidents.find((x) => x.id === slug)?.impact).toBe(IMPACT[level]);
      expect(insights.severity_levels.find((l) => l.written.some((w) => w.severity === severity))?.key).toBe(badge?.[1]);
    }
    // the three spellings that used to disagree are all critical now
    const critical = insights.severity_levels
      .find((l) => l.key === 'sev-1')
      ?.written.map((w) => w.severity)
      .sort();
    expect(critical).toEqual(['P1', 'SEV0', 'blocker']);
  });
});
