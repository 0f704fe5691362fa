/**
 * The shape of an output (outputs/registry.ts lists them). Kept apart from the registry so
 * an output can name its context without importing the registry that imports it.
 */
import type { SiteContext } from '../render/context.js';
import type { IncidentOutputContext, IncidentSummary, Page } from '../render/types.js';

export type { IncidentOutputContext } from '../render/types.js';

export type IncidentOutputFn = (ctx: IncidentOutputContext) => Page[];
/** `summaries` are sorted newest first. */
export type SiteOutputFn = (summaries: readonly IncidentSummary[], site: SiteContext) => Page[];
