/**
 * checkSite: every diagnostic of a site, for `pm check` and CI. The incidents go
 * through the build's own pipeline (setupSite → processIncident, in memory: front-
 * matter, timeline and source diagnostics, duplicate slugs), then the site-wide rules
 * of this folder run over the parsed incidents and their published timelines.
 */
import type { Diagnostic } from '../diagnostics.js';
import { sortDiagnostics } from '../diagnostics.js';
import { parseIncident } from '../incident/parse.js';
import type { Incident } from '../incident/types.js';
import { readIncident } from '../site/discover.js';
import { checkSlugs, setupSite, type IncidentResult, type SetupOptions } from '../site/pipeline.js';
import { processIncident } from '../site/process.js';
import { timelineJsonPath } from '../site/render-incident.js';
import type { TimelineJson } from '../timeline/types.js';
import { checkActions } from './actions.js';
import { checkLinks } from './links.js';
import { checkSections } from './sections.js';
import { checkSourceOrder, isoToMs } from './source-order.js';
import { checkTags } from './tags.js';
import type { CheckContext, CheckEvent, CheckIncident } from './types.js';

export interface CheckOptions extends SetupOptions {
  /** `YYYY-MM-DD`: report open action items due before this day. Default: no past-due check. */
  today?: string | null;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** Incident files checked. */
  incidents: number;
}

export async function checkSite(options: CheckOptions = {}): Promise<CheckResult> {
  const setup = setupSite({ ...options, drafts: options.drafts ?? true });
  const { root, site, files, config } = setup;
  const results: IncidentResult[] = [];
  const checked: CheckIncident[] = [];
  for (const file of files) {
    const input = readIncident(root, file);
    const result = await processIncident(root, input, site);
    results.push(result);
    // The pipeline's own parse is consumed by rendering; the rules get a fresh one.
    checked.push({ incident: parseIncident(input, config), events: publishedEvents(result) });
  }
  const ctx: CheckContext = {
    requiredSections: config.requiredSections,
    urls: config.urls,
    today: options.today ?? null,
    slugs: new Set(results.map((r) => r.slug)),
    files: new Set(files),
  };
  const diagnostics = [
    ...setup.diagnostics,
    ...results.flatMap((r) => r.diagnostics),
    ...checkSlugs(results),
    ...checkIncidents(checked, ctx),
  ];
  return { diagnostics: sortDiagnostics(diagnostics), incidents: files.length };
}

/** The rules of src/check over already parsed incidents (no disk). */
export function checkIncidents(list: readonly CheckIncident[], ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { incident, events } of list) {
    out.push(...checkSections(incident, ctx.requiredSections));
    out.push(...checkLinks(incident, ctx));
    out.push(...checkActions(incident, ctx.today));
    out.push(...checkSourceOrder(incident.file, events));
  }
  out.push(...checkTags(list.map((c) => c.incident as Incident)));
  return out;
}

function publishedEvents(result: IncidentResult): CheckEvent[] {
  const page = result.pages.find((p) => p.path === timelineJsonPath(result.slug));
  if (!page) return [];
  const json = JSON.parse(String(page.contents)) as TimelineJson;
  return json.events.flatMap((e) => {
    const at = isoToMs(e.at);
    return at === null ? [] : [{ at, source: { file: e.source.file, line: e.source.line } }];
  });
}
