/**
 * The heavy stages (markdown, timeline, templates): one incident from its text to its
 * pages, and the site-wide pages from summaries. Loaded on first use by disk builds
 * (see pipeline.ts), directly by everything else.
 */
import { parseIncident } from '../incident/parse.js';
import type { IncidentInput } from '../incident/types.js';
import { incidentKey } from './cache.js';
import type { SiteContext } from './context.js';
import { readIncident } from './discover.js';
import { siteOutputs } from './outputs.js';
import type { IncidentResult } from './pipeline.js';
import { renderIncident } from './render-incident.js';
import { incidentTimeline } from './sources.js';
import type { IncidentSummary, Page } from './types.js';

/** One incident from its text to its pages. Reads only the incident's own log sources. */
export async function processIncident(root: string, input: IncidentInput, site: SiteContext, key = ''): Promise<IncidentResult> {
  const { config } = site;
  const incident = parseIncident(input, config);
  const diagnostics = [...incident.diagnostics];
  const base = { file: input.file, slug: incident.slug, key };
  if (incident.draft && (!config.drafts || config.public)) {
    return { ...base, summary: null, pages: [], diagnostics, sources: [] };
  }
  const { timeline, diagnostics: found, read } = await incidentTimeline(root, incident, { public: config.public });
  diagnostics.push(...found);
  const out = renderIncident(incident, timeline, site);
  return { ...base, summary: out.summary, pages: out.pages, diagnostics, sources: read };
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
