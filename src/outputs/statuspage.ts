/**
 * `api/v2/incidents.json`: the newest 50 incidents (like Statuspage's) in the shape of
 * its public API (`/api/v2/incidents.json`), so status pages, widgets and bots that already read
 * that shape can list pm incidents. Mapping (documented in the README):
 *
 *   severity  its level (incident/severity.ts) 1 → critical, 2 → major, 3 → minor,
 *             4 (SEV4, low, anything else) and none → none
 *   milestone detected → investigating, acknowledged → identified,
 *             mitigated → monitoring, resolved → resolved (T0 is `started_at`)
 *   status    as written; absent: the latest milestone's, else resolved
 *
 * Ids are the slug (incidents) and `<slug>-<milestone>` (updates): stable across builds.
 * Links are absolute with `base_url`, else relative to this file (`../../incidents/x/`).
 */
import { slugify } from '../slug.js';
import { impactOfLevel, severityLevel, type Impact } from '../incident/severity.js';
import { displayText } from '../text/controls.js';
import type { Milestone } from '../timeline/types.js';
import type { ResolvedConfig } from '../config/types.js';
import { feedContent } from './feed-common.js';
import { isoUtc } from '../render/format.js';
import type { IncidentSummary, Page } from '../render/types.js';
import { absoluteUrl, rootPrefix } from './urls.js';
import { STATUSPAGE_PATH } from './paths.js';

export interface StatuspageUpdate {
  id: string;
  incident_id: string;
  status: string;
  body: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: null;
}

export interface StatuspageIncident {
  id: string;
  name: string;
  status: string;
  impact: Impact;
  created_at: string;
  updated_at: string;
  started_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  shortlink: string;
  page_id: string;
  components: [];
  incident_updates: StatuspageUpdate[];
  /** The rendered post-mortem (HTML; relative links resolved like the feed's), and when it was published. */
  postmortem_body: string | null;
  postmortem_published_at: string | null;
}

export interface StatuspageIncidents {
  page: { id: string; name: string; url: string; time_zone: string; updated_at: string | null };
  incidents: StatuspageIncident[];
}

/** Statuspage's incidents.json lists the newest 50; so does pm's (incidents.json has them all). */
export const STATUSPAGE_ENTRIES = 50;

/** What the Statuspage data needs of the site (a SiteContext has it). */
export interface StatuspageSite {
  config: Pick<ResolvedConfig, 'title' | 'baseUrl' | 'timezone' | 'displayTimezone'>;
}

/** A site path as a link: absolute with a base URL, else relative to this JSON file. */
export function link(site: StatuspageSite, sitePath: string): string {
  return site.config.baseUrl ? absoluteUrl(site.config.baseUrl, sitePath) : `${rootPrefix(STATUSPAGE_PATH)}${sitePath}`;
}

const UPDATE_STATUS: Partial<Record<Milestone, string>> = {
  detected: 'investigating',
  acknowledged: 'identified',
  mitigated: 'monitoring',
  resolved: 'resolved',
};

/** Statuspage impact of a pm severity, by the one severity policy (incident/severity.ts). */
export function impactOf(severity: string | null): Impact {
  return impactOfLevel(severityLevel(severity));
}

/** The Statuspage status of a milestone; null for T0 (which is `started_at`, not an update). */
export function updateStatusOf(milestone: Milestone): string | null {
  return UPDATE_STATUS[milestone] ?? null;
}

export function statuspageIncident(s: IncidentSummary, site: StatuspageSite, pageId: string): StatuspageIncident {
  const milestones = s.milestones ?? [];
  const first = (m: Milestone): string | null => milestones.find((x) => x.milestone === m)?.at ?? null;
  const seen = new Map<string, number>();
  const updates: StatuspageUpdate[] = [];
  for (const m of milestones) {
    const status = updateStatusOf(m.milestone);
    if (!status) continue;
    const n = (seen.get(m.milestone) ?? 0) + 1;
    seen.set(m.milestone, n);
    updates.push({
      id: `${s.slug}-${m.milestone}${n > 1 ? `-${n}` : ''}`,
      incident_id: s.slug,
      status,
      body: displayText(m.text).replace(/\s+/g, ' ').trim(),
      created_at: m.at,
      updated_at: m.at,
      display_at: m.at,
      affected_components: null,
    });
  }
  const started = s.t0Iso ?? milestones[0]?.at ?? isoUtc(s.date);
  const status = s.status?.trim().toLowerCase() || (updates[updates.length - 1]?.status ?? 'resolved');
  const created = first('detected') ?? started;
  return {
    id: s.slug,
    name: s.title,
    status,
    impact: impactOf(s.severity),
    created_at: created,
    updated_at: s.lastEventIso ?? created,
    started_at: started,
    monitoring_at: first('mitigated'),
    resolved_at: first('resolved') ?? (status === 'resolved' ? (s.lastEventIso ?? null) : null),
    shortlink: link(site, s.url),
    page_id: pageId,
    components: [],
    incident_updates: updates.reverse(),
    postmortem_body: s.contentHtml ? feedContent(s, { absolute: !!site.config.baseUrl, url: (p) => link(site, p), id: (p) => link(site, p) }) : null,
    postmortem_published_at: isoUtc(s.published ?? s.date),
  };
}

export function statuspageData(summaries: readonly IncidentSummary[], site: StatuspageSite): StatuspageIncidents {
  const pageId = slugify(site.config.title) || 'pm';
  const incidents = summaries.slice(0, STATUSPAGE_ENTRIES).map((s) => statuspageIncident(s, site, pageId));
  const updated = incidents.reduce<string | null>((max, i) => (max === null || i.updated_at > max ? i.updated_at : max), null);
  return {
    page: {
      id: pageId,
      name: site.config.title,
      url: site.config.baseUrl || link(site, ''),
      time_zone: site.config.displayTimezone ?? site.config.timezone,
      updated_at: updated,
    },
    incidents,
  };
}

/** Site output: `api/v2/incidents.json`. */
export function statuspageIncidents(summaries: readonly IncidentSummary[], site: StatuspageSite): Page[] {
  return [{ path: STATUSPAGE_PATH, contents: `${JSON.stringify(statuspageData(summaries, site), null, 2)}\n` }];
}
