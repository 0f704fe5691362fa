/**
 * checkSite: every diagnostic of a site, for `pm check` and CI. The incidents go
 * through the build's own per-incident code (setupSite → examineIncident: limits,
 * front-matter, timeline, sources and rendering, whose pages are dropped), so `pm check`
 * finds every error `pm build` would; one incident at a time;
 * the rules of this folder run on each, and the site-wide ones (slugs, links between
 * incidents, tag spellings) on what is kept of all: memory stays flat as sites grow.
 */
import type { Diagnostic } from '../diagnostics.js';
import { sortDiagnostics } from '../diagnostics.js';
import type { Incident } from '../incident/types.js';
import { checkSlugs, setupSite, type SetupOptions, type SiteSetup } from '../build/setup.js';
import type { Timeline } from '../timeline/types.js';
import { checkActions } from './actions.js';
import { checkLinkRefs, checkLinks, linkRefs, type LinkOwner, type LinkRef } from './links.js';
import { checkPageLinks } from './page-links.js';
import { checkPlaceholders } from './placeholder.js';
import { checkSections } from './sections.js';
import { localRefs } from './local-links.js';
import { checkTargets, type TargetOwner } from './targets.js';
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
  const { root, site, files, config } = setup;
  const { examineIncident } = await import('../build/examine.js');
  const today = options.today ?? null;
  // One incident at a time (its pages dropped); kept for the site-wide rules: slugs, links, tags.
  const found: Diagnostic[] = [...setup.diagnostics];
  const owners: Array<{ file: string; slug: string; summary: string | null }> = [];
  const links: Array<{ owner: LinkOwner; refs: LinkRef[] }> = [];
  const tagged: TagOwner[] = [];
  const targets: TargetOwner[] = [];
  for (const file of files) {
    const { result, staged } = await examineIncident(root, file, site, '');
    found.push(...result.diagnostics);
    if (!staged) continue;
    const { incident, timeline, read } = staged;
    found.push(...checkIncident(incident, publishedEvents(timeline, config.public), config.requiredSections, today));
    owners.push({ file, slug: incident.slug, summary: timeline ? file : null });
    links.push({ owner: { file, slug: incident.slug }, refs: linkRefs(incident) });
    tagged.push({ file, tags: incident.tags, places: incident.places, bodyLineOffset: incident.bodyLineOffset });
    targets.push({ file, slug: incident.slug, published: !!timeline, sources: read, refs: localRefs(incident) });
  }
  const copied = new Set<string>();
  found.push(...checkTargets({ root, postsDir: config.postsDir, urls: config.urls }, targets, copied));
  const ctx = checkContext(config, today, owners.map((o) => o.slug), files);
  for (const { owner, refs } of links) found.push(...checkLinkRefs(owner, refs, ctx));
  const tagSlugs = new Set(tagged.flatMap((t) => t.tags.map((tag) => tag.slug)));
  for (const { owner, refs } of links) found.push(...checkPageLinks(owner, refs, { urls: config.urls, slugs: ctx.slugs, tagSlugs, copied }));
  found.push(...checkSlugs(owners), ...checkTags(tagged));
  return { diagnostics: sortDiagnostics(found), incidents: files.length };
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
