/**
 * `api/v2/summary.json` in the shape of Statuspage's public summary: the page, the
 * incidents not yet resolved (all of them, whatever their age), and an overall status
 * from the worst impact among those. pm knows no components or maintenance windows:
 * those lists are empty.
 */
import { statuspageData, statuspageIncident, type StatuspageIncident, type StatuspageSite } from '../statuspage.js';
import type { Impact } from '../../incident/severity.js';
import type { IncidentSummary, Page } from '../../render/types.js';
import { STATUSPAGE_SUMMARY_PATH } from '../paths.js';

const DESCRIPTION: Record<Impact, string> = {
  none: 'All Systems Operational',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major Service Outage',
};
const RANK: Impact[] = ['none', 'minor', 'major', 'critical'];

export interface StatuspageSummary {
  page: ReturnType<typeof statuspageData>['page'];
  components: [];
  incidents: StatuspageIncident[];
  scheduled_maintenances: [];
  status: { indicator: Impact; description: string };
}

export function statuspageSummaryData(summaries: readonly IncidentSummary[], site: StatuspageSite): StatuspageSummary {
  const { page } = statuspageData(summaries, site);
  const open = summaries
    .map((s) => statuspageIncident(s, site, page.id))
    .filter((i) => i.status !== 'resolved' && i.status !== 'postmortem' && i.status !== 'completed')
    .map((i) => ({ ...i, postmortem_body: null }));
  const worst = open.reduce<Impact>((w, i) => (RANK.indexOf(i.impact) > RANK.indexOf(w) ? i.impact : w), 'none');
  return {
    page,
    components: [],
    incidents: open,
    scheduled_maintenances: [],
    status: { indicator: worst, description: DESCRIPTION[worst] },
  };
}

/** Site output: `api/v2/summary.json`. */
export function statuspageSummary(summaries: readonly IncidentSummary[], site: StatuspageSite): Page[] {
  return [{ path: STATUSPAGE_SUMMARY_PATH, contents: `${JSON.stringify(statuspageSummaryData(summaries, site), null, 2)}\n` }];
}
