import { describe, expect, it } from 'vitest';
import { impactOf, statuspageData, type StatuspageIncidents } from '../../src/outputs/statuspage.js';
import { STATUSPAGE_PATH } from '../../src/outputs/paths.js';
import type { IncidentSummary } from '../../src/render/types.js';
import { build, get, makeSite, SLUG } from './embed/helpers.js';

const config = { title: 'Acme status', baseUrl: '', timezone: 'UTC', displayTimezone: null };

function summary(over: Partial<IncidentSummary> = {}): IncidentSummary {
  return {
    slug: 'x',
    file: 'posts/x.md',
    title: 'X',
    url: 'incidents/x/',
    date: Date.UTC(2024, 0, 2),
    dateIso: '2024-01-02',
    dateDisplay: '2 Jan 2024',
    year: 2024,
    timezone: 'UTC',
    displayTimezone: 'UTC',
    severity: null,
    status: null,
    tags: [],
    authors: [],
    services: [],
    summary: null,
    draft: false,
    t0: null,
    t0Iso: null,
    durationS: null,
    duration: null,
    metrics: { time_to_detect_s: null, time_to_acknowledge_s: null, time_to_mitigate_s: null, time_to_resolve_s: null },
    eventCount: 0,
    contentHtml: '',
    ...over,
  };
}

describe('severity → Statuspage impact', () => {
  it.each([
    ['SEV1', 'critical'],
    ['sev-1', 'critical'],
    ['SEV0', 'critical'],
    ['P1', 'critical'],
    ['Critical', 'critical'],
    ['SEV2', 'major'],
    ['major', 'major'],
    ['High', 'major'],
    ['SEV3', 'minor'],
    ['sev 3', 'minor'],
    ['minor', 'minor'],
    ['SEV4', 'none'],
    ['low', 'none'],
    ['purple', 'none'],
    [null, 'none'],
  ] as const)('%s → %s', (severity, impact) => {
    expect(impactOf(severity)).toBe(impact);
  });
});

describe('api/v2/incidents.json', async () => {
  const pages = await build(makeSite());
  const data = JSON.parse(get(pages, STATUSPAGE_PATH)) as StatuspageIncidents;
  const incident = data.incidents[0]!;

  it('has the Statuspage shape with slug-based ids', () => {
    expect(Object.keys(data)).toEqual(['page', 'incidents']);
    expect(data.page).toMatchObject({ id: 'post-mortems', name: 'Post-mortems', url: '../../', time_zone: 'UTC' });
    expect(incident).toMatchObject({
      id: SLUG,
      name: "DB <failover> & 'friends'",
      status: 'resolved',
      impact: 'major',
      started_at: '2024-03-10T06:30:00.000Z',
      created_at: '2024-03-10T06:40:00.000Z',
      monitoring_at: '2024-03-10T07:50:00.000Z',
      resolved_at: '2024-03-10T08:30:00.000Z',
      updated_at: '2024-03-10T08:30:00.000Z',
      shortlink: `../../incidents/${SLUG}/`,
      page_id: 'post-mortems',
      components: [],
    });
    expect(data.page.updated_at).toBe('2024-03-10T08:30:00.000Z');
  });

  it('turns milestones into updates, newest first (T0 and plain events are not updates)', () => {
    expect(incident.incident_updates.map((u) => [u.id, u.status, u.display_at])).toEqual([
      [`${SLUG}-resolved`, 'resolved', '2024-03-10T08:30:00.000Z'],
      [`${SLUG}-mitigated`, 'monitoring', '2024-03-10T07:50:00.000Z'],
      [`${SLUG}-acknowledged`, 'identified', '2024-03-10T07:20:00.000Z'],
      [`${SLUG}-detected`, 'investigating', '2024-03-10T06:40:00.000Z'],
    ]);
    const detected = incident.incident_updates[3]!;
    expect(detected).toMatchObject({ incident_id: SLUG, body: 'pager fires: lag > 60s', created_at: detected.display_at, updated_at: detected.display_at });
  });

  it('is the same bytes on every build, and absolute with a base URL', async () => {
    const root = makeSite();
    expect(get(await build(root), STATUSPAGE_PATH)).toBe(get(await build(root), STATUSPAGE_PATH));
    const abs = JSON.parse(get(await build(root, { baseUrl: 'https://pm.example' }), STATUSPAGE_PATH)) as StatuspageIncidents;
    expect(abs.page.url).toBe('https://pm.example');
    expect(abs.incidents[0]!.shortlink).toBe(`https://pm.example/incidents/${SLUG}/`);
  });

  it("without a status: the latest milestone's, else resolved; repeated milestones get distinct ids", () => {
    const ms = (milestone: 'detected' | 'mitigated', at: string) => ({ milestone, at, text: milestone });
    const open = statuspageData(
      [
        summary({
          milestones: [ms('detected', '2024-01-02T01:00:00.000Z'), ms('mitigated', '2024-01-02T02:00:00.000Z'), ms('mitigated', '2024-01-02T03:00:00.000Z')],
        }),
      ],
      { config },
    );
    expect(open.incidents[0]).toMatchObject({ status: 'monitoring', resolved_at: null, started_at: '2024-01-02T01:00:00.000Z' });
    expect(open.incidents[0]!.incident_updates.map((u) => u.id)).toEqual(['x-mitigated-2', 'x-mitigated', 'x-detected']);
    const bare = statuspageData([summary()], { config });
    expect(bare.incidents[0]).toMatchObject({ status: 'resolved', started_at: '2024-01-02T00:00:00.000Z', incident_updates: [] });
    expect(statuspageData([], { config }).page.updated_at).toBeNull();
  });
});
