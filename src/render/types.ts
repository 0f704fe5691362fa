/** What rendering produces and what indexes are built from. */
import type { Diagnostic } from '../diagnostics.js';
import type { Incident, Tag } from '../incident/types.js';
import type { RootCause, SummaryAction } from '../insights/types.js';
import type { Milestone, Timeline, TimelineJson, TimelineMetrics } from '../timeline/types.js';
import type { SiteContext } from './context.js';

/** One output file, path relative to the output folder (POSIX). */
export interface Page {
  path: string;
  contents: string | Buffer;
}

/** Everything the indexes, tag pages and feeds need about one incident (serializable, cacheable). */
export interface IncidentSummary {
  slug: string;
  file: string;
  title: string;
  /** URL path relative to the site root, e.g. `incidents/x/`. */
  url: string;
  date: number;
  dateIso: string;
  dateDisplay: string;
  year: number;
  timezone: string;
  displayTimezone: string;
  severity: string | null;
  status: string | null;
  tags: Tag[];
  authors: string[];
  services: string[];
  summary: string | null;
  draft: boolean;
  /** Review state; published and last-edited instants (epoch ms) when the front-matter gives them. */
  review?: string;
  published?: number | null;
  updated?: number | null;
  t0: string | null;
  /** T0 as a UTC instant (`2020-09-02T08:25:00.000Z`), for incidents.json. */
  t0Iso?: string | null;
  durationS: number | null;
  duration: string | null;
  metrics: TimelineMetrics;
  /** Milestone events in timeline order (status-page data); `[internal]` ones only on internal builds. */
  milestones?: SummaryMilestone[];
  /** The last event's instant (its end for a range), UTC ISO; null without events. */
  lastEventIso?: string | null;
  eventCount: number;
  /** Action items (task list under "Action items") not yet checked off, and all of them. */
  openActions?: number;
  actionCount?: number;
  /** Every action item, for the follow-ups page (insights/summary-fields.ts). */
  actions?: SummaryAction[];
  /** Front-matter `root_cause:` tags, for the insights page. */
  rootCauses?: RootCause[];
  /** Rendered post body, for feeds. */
  contentHtml: string;
}

/** One milestone event of an incident, as indexes and status-page data need it. */
export interface SummaryMilestone {
  milestone: Milestone;
  /** UTC ISO instant. */
  at: string;
  /** Plain text of the event. */
  text: string;
}

export interface IncidentOutput {
  summary: IncidentSummary;
  pages: Page[];
  diagnostics: Diagnostic[];
}

/** What an output made from one incident sees (the registry's incident outputs, outputs/registry.ts). */
export interface IncidentOutputContext {
  incident: Incident;
  timeline: Timeline;
  /** The published timeline JSON (README "The published JSON"; respects --public). */
  json: TimelineJson;
  summary: IncidentSummary;
  site: SiteContext;
}
