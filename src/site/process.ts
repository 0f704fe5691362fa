/**
 * The heavy stages (markdown, timeline, templates): one incident from its text to its
 * pages, and the site-wide pages from summaries. Loaded on first use by disk builds
 * (see pipeline.ts), directly by everything else.
 */
import type { Diagnostic } from '../diagnostics.js';
import { parseIncident } from '../incident/parse.js';
import type { Incident, IncidentInput } from '../incident/types.js';
import type { Timeline } from '../timeline/types.js';
import { incidentKey } from './cache.js';
import type { SiteContext } from './context.js';
import { readIncident } from './discover.js';
import { localRefs } from './local-links.js';
import { siteOutputs } from './outputs.js';
import type { IncidentResult } from './pipeline.js';
import { renderIncident } from './render-incident.js';
import { incidentTimeline } from './sources.js';
import type { IncidentSummary, Page } from './types.js';

/** An incident parsed with its timeline computed: everything but rendering. */
export interface StagedIncident {
  incident: Incident;
  /** Null for an incident left out of the site (a draft without --drafts, or in --public). */
  timeline: Timeline | null;
  diagnostics: Diagnostic[];
  /** Absolute paths of the logs read. */
  read: string[];
}

/** Parses one incident and computes its timeline (reading its own log sources). `pm check` stops here. */
export async function stageIncident(root: string, input: IncidentInput, site: SiteContext): Promise<StagedIncident> {
  const { config } = site;
  const incident = parseIncident(input, config);
  const diagnostics = [...incident.diagnostics];
  if (incident.draft && (!config.drafts || config.public)) return { incident, timeline: null, diagnostics, read: [] };
  const { timeline, diagnostics: found, read } = await incidentTimeline(root, incident, { public: config.public });
  diagnostics.push(...found);
  return { incident, timeline, diagnostics, read };
}

/** One incident from its text to its pages. Reads only the incident's own log sources. */
export async function processIncident(root: string, input: IncidentInput, site: SiteContext, key = ''): Promise<IncidentResult> {
  const { incident, timeline, diagnostics, read } = await stageIncident(root, input, site);
  const base = { file: input.file, slug: incident.slug, key };
  if (!timeline) return { ...base, summary: null, pages: [], diagnostics, sources: [] };
  const links = localRefs(incident);
  const out = renderIncident(incident, timeline, site);
  return { ...base, summary: out.summary, pages: out.pages, diagnostics, sources: read, links };
}

/** Reads one incident file and processes it; `siteKey` makes the cache key. */
export function readAndProcess(root: string, file: string, site: SiteContext, siteKey: string): Promise<IncidentResult> {
  const input = readIncident(root, file);
  return processIncident(root, input, site, incidentKey(siteKey, file, input.content));
}

/** Site-wide pages (indexes, tags, feeds, data files) from summaries sorted newest first. */
export function renderSite(sorted: readonly IncidentSummary[], site: SiteContext): Page[] {
  const pages: Page[] = [];
  for (const output of siteOutputs) pages.push(...output(sorted, site));
  return pages;
}
