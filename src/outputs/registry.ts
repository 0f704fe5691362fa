/**
 * The registry of outputs. A feature that writes files adds one function here:
 * per-incident outputs see the incident, its computed timeline and the published
 * JSON; site outputs see every incident's summary (never the posts themselves, so
 * they can be rebuilt from cached summaries).
 */
import { embedPage, embedScript } from './embed/outputs.js';
import { incidentsJson } from './data.js';
import { atomFeed, jsonFeed } from './feeds.js';
import { renderIndexes } from '../render/indexes.js';
import { insightsPages } from '../insights/pages.js';
import { sitemap } from './sitemap.js';
import { statuspageIncidents } from './statuspage.js';
import { listFeeds } from './archive/list-feeds.js';
import { statuspageSummary } from './archive/statuspage-summary.js';

import type { IncidentOutputFn, SiteOutputFn } from './types.js';

export const incidentOutputs: IncidentOutputFn[] = [embedPage];

export const siteOutputs: SiteOutputFn[] = [
  renderIndexes,
  atomFeed,
  jsonFeed,
  incidentsJson,
  sitemap,
  embedScript,
  statuspageIncidents,
  insightsPages,
  statuspageSummary,
  listFeeds,
];
