/**
 * The registry of outputs. A feature that writes files adds one function here:
 * per-incident outputs see the incident, its computed timeline and the published
 * JSON; site outputs see every incident's summary (never the posts themselves, so
 * they can be rebuilt from cached summaries).
 */
import { embedPage, embedScript } from './embed/outputs.js';
import type { Incident } from '../incident/types.js';
import type { Timeline, TimelineJson } from '../timeline/types.js';
import type { SiteContext } from '../render/context.js';
import { incidentsJson } from './data.js';
import { atomFeed, jsonFeed } from './feeds.js';
import { renderIndexes } from '../render/indexes.js';
import { insightsPages } from '../insights/pages.js';
import { sitemap } from './sitemap.js';
import { statuspageIncidents } from './statuspage.js';
import type { IncidentSummary, Page } from '../render/types.js';
import { listFeeds } from './archive/list-feeds.js';
import { statuspageSummary } from './archive/statuspage-summary.js';

export interface IncidentOutputContext {
  incident: Incident;
  timeline: Timeline;
  /** The §5 JSON as published (respects --public). */
  json: TimelineJson;
  summary: IncidentSummary;
  site: SiteContext;
}

export type IncidentOutputFn = (ctx: IncidentOutputContext) => Page[];
/** `summaries` are sorted newest first. */
export type SiteOutputFn = (summaries: readonly IncidentSummary[], site: SiteContext) => Page[];

export const incidentOutputs: IncidentOutputFn[] = [embedPage];

export const siteOutputs: SiteOutputFn[] = [renderIndexes, atomFeed, jsonFeed, incidentsJson, sitemap, embedScript, statuspageIncidents, insightsPages,
  statuspageSummary, listFeeds];
