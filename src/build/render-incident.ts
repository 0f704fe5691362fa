/**
 * One incident's pages with every incident output of the registry (outputs/registry.ts):
 * render/ draws the pages and takes the outputs from its caller (it never imports the
 * registry); this is the caller for the engine (examine.ts) and for the library's
 * `renderIncident`, whose signature stays (incident, timeline, site).
 */
import type { Incident } from '../incident/types.js';
import { incidentOutputs } from '../outputs/registry.js';
import type { SiteContext } from '../render/context.js';
import { renderIncident as renderWith } from '../render/incident-pages.js';
import type { IncidentOutput } from '../render/types.js';
import type { Timeline } from '../timeline/types.js';

export function renderIncident(incident: Incident, timeline: Timeline, site: SiteContext): IncidentOutput {
  return renderWith(incident, timeline, site, incidentOutputs);
}
