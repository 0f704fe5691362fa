/**
 * checkSite: every diagnostic of a site, for `pm check` and CI. It runs the build's own
 * engine (build/engine.ts) with a writer that keeps only page paths and no store, so it
 * reports exactly what `pm build` would — limits, front-matter, timelines, sources, slugs,
 * copies, local links against every output — except the search index's (never made here),
 * and adds the rules of this folder: on each incident's parsed form as the engine examines
 * it, then the site-wide ones (links between incidents, tag spellings) on what is kept of
 * all: memory stays flat as sites grow.
 */
import type { Diagnostic } from '../diagnostics.js';
import { sortDiagnostics } from '../diagnostics.js';
import type { Incident } from '../incident/types.js';
import { setupSite, type SetupOptions, type SiteSetup } from '../build/setup.js';
import { runEngine } from '../build/engine.js';
import { MemoryWriter } from '../build/writers.js';
import type { Examined } from '../build/examine.js';
import type { Timeline } from '../timeline/types.js';
import { checkActions } from './actions.js';
import { checkLinkRefs, checkLinks, linkRefs, type LinkOwner, type LinkRef } from './links.js';
import { checkPageLinks } from './page-links.js';
import { checkPlaceholders } from './placeholder.js';
import { checkSections } from './sections.js';
import { checkSourceOrder } from './source-order.js';
import { checkTags, type TagOwner } from './tags.js';
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
  const { files, config } = setup;
  const today = options.today ?? null;
  // Kept of each incident for the site-wide rules: slugs, links, tags.
  const found: Diagnostic[] = [];
  const slugs: string[] = [];
  const links: Array<{ owner: LinkOwner; refs: LinkRef[] }> = [];
  const tagged: TagOwner[] = [];
  const onExamined = ({ staged }: Examined): void => {
    if (!staged) return;
    const { incident, timeline } = staged;
    const file = incident.file;
    found.push(...checkIncident(incident, publishedEvents(timeline, config.public), config.requiredSections, today));
    slugs.push(incident.slug);
    links.push({ owner: { file, slug: incident.slug }, refs: linkRefs(incident) });
    tagged.push({ file, tags: incident.tags, places: incident.places, bodyLineOffset: incident.bodyLineOffset });
  };
  const writer = new MemoryWriter(false, false); // page paths only: what check/dead-link may point at
  const { result } = await runEngine(setup, { ...options, store: null, writer: () => writer, threads: 1, onExamined });
  const outputs = new Set(writer.pages.keys());
  const ctx = checkContext(config, today, slugs, files);
  for (const { owner, refs } of links) found.push(...checkLinkRefs(owner, refs, ctx));
  const tagSlugs = new Set(tagged.flatMap((t) => t.tags.map((tag) => tag.slug)));
  for (const { owner, refs } of links) found.push(...checkPageLinks(owner, refs, { urls: config.urls, slugs: ctx.slugs, tagSlugs, copied: outputs }));
  found.push(...checkTags(tagged));
  return { diagnostics: sortDiagnostics([...found, ...withoutSuperseded(result.diagnostics, found)]), incidents: files.length };
}

/**
 * The build's diagnostics, less a missing-target warning where a rule of this folder says
 * more at the same place (a link to an incident that does not exist is check/broken-link).
 */
function withoutSuperseded(built: readonly Diagnostic[], own: readonly Diagnostic[]): Diagnostic[] {
  const at = (d: Diagnostic): string => `${d.file}:${d.line}:${d.column}`;
  const links = new Set(own.filter((d) => d.rule === 'check/broken-link' || d.rule === 'check/dead-link').map(at));
  return built.filter((d) => d.rule !== 'link/missing-target' || !links.has(at(d)));
}

function checkContext(config: SiteSetup['config'], today: string | null, slugs: readonly string[], files: readonly string[]): CheckContext {
  return { requiredSections: config.requiredSections, urls: config.urls, today, slugs: new Set(slugs), files: new Set(files) };
}

/** The rules that need one incident alone. */
function checkIncident(incident: Incident, events: CheckEvent[], requiredSections: readonly string[], today: string | null): Diagnostic[] {
  return [
    ...checkSections(incident, requiredSections),
    ...checkActions(incident, today),
    ...checkSourceOrder(incident.file, events),
    ...checkPlaceholders(incident),
  ];
}

/** The rules of src/check over already parsed incidents (no disk). */
export function checkIncidents(list: readonly CheckIncident[], ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { incident, events } of list) {
    out.push(...checkIncident(incident, events, ctx.requiredSections, ctx.today));
    out.push(...checkLinks(incident, ctx));
  }
  out.push(...checkTags(list.map((c) => c.incident)));
  return out;
}

/** The timeline's events as timeline.json publishes them (no `[internal]` ones in --public). */
function publishedEvents(timeline: Timeline | null, isPublic: boolean): CheckEvent[] {
  if (!timeline) return [];
  const events = isPublic ? timeline.events.filter((e) => !e.internal) : timeline.events;
  return events.map((e) => ({ at: e.at, source: { file: e.source.file, line: e.source.line } }));
}
