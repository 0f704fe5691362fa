/**
 * The shape of an output (outputs/registry.ts lists them). Kept apart from the registry so
 * an output can name its context without importing the registry that imports it.
 */
import type { Incident } from '../incident/types.js';
import type { Timeline, TimelineJson } from '../timeline/types.js';
import type { SiteContext } from '../render/context.js';
import type { IncidentSummary, Page } from '../render/types.js';

export interface IncidentOutputContext {
  incident: Incident;
  timeline: Timeline;
  /** The published timeline JSON (README "The published JSON"; respects --public). */
  json: TimelineJson;
  summary: IncidentSummary;
  site: SiteContext;
}

export type IncidentOutputFn = (ctx: IncidentOutputContext) => Page[];
/** `summaries` are sorted newest first. */
export type SiteOutputFn = (summaries: readonly IncidentSummary[], site: SiteContext) => Page[];
