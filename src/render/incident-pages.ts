/**
 * One incident → its pages (post page, timeline.json) and its summary for indexes.
 * A pure function of (incident, timeline, site context): the unit that can be
 * cached by content hash and run on a worker thread.
 */
import type { Incident } from '../incident/types.js';
import { bodyHtml } from '../markdown/document.js';
import { timelineToJson } from '../timeline/json.js';
import { placeNotes } from '../timeline/notes.js';
import type { Timeline, TimelineJson } from '../timeline/types.js';
import { formatDateTime, formatDay, humanDuration, isoDay, isoUtc, yearOf } from './format.js';
import type { SiteContext } from './context.js';
import type { IncidentOutput, IncidentOutputContext, IncidentSummary, Page } from './types.js';
import { fileForUrl, rootPrefix } from '../outputs/urls.js';
import { timelineJsonPath } from '../outputs/paths.js';
import { incidentView, timelineView } from './views.js';
import { renderAxis } from './axis/axis.js';
import { rootCauses, summaryActions } from '../insights/summary-fields.js';

/**
 * The incident's page, its timeline JSON and the pages of `extras` (the registry's incident
 * outputs, outputs/registry.ts, handed in by the caller: render never imports the registry).
 */
export function renderIncident(
  incident: Incident,
  timeline: Timeline,
  site: SiteContext,
  extras: ReadonlyArray<(ctx: IncidentOutputContext) => Page[]>,
): IncidentOutput {
  const url = site.urls.incident(incident.slug);
  const file = fileForUrl(url);
  const json = timelineToJson(timeline, timelineMeta(incident, timeline), {
    public: site.config.public,
    notes: { notes: incident.document.notes, file: incident.file },
  });
  const summary = summarize(incident, timeline, url, site.config.trackers);
  const root = rootPrefix(file);
  const timelineHtml = site.renderer.partial('timeline', {
    timeline: timelineView(json, site.config.offsetFormat, placeNotes(incident.document.notes, json, incident.file)),
    axis: renderAxis(json),
    t0Display: timeline.t0 === null ? null : t0Text(timeline, timeline.displayZone),
    root,
  });
  const contentHtml = bodyHtml(incident.document, timelineHtml);
  const toc = incident.document.toc;
  const view = incidentView(incident, summary, site, root);
  const html = site.renderer.render('incident', {
    ...site.pageData(file, incident.title),
    incident: view,
    content: contentHtml,
    toc,
    timeline: json,
    timelineJsonUrl: `${root}${timelineJsonPath(incident.slug)}`,
  });
  summary.contentHtml = contentHtml;
  const pages: Page[] = [
    { path: file, contents: html },
    { path: timelineJsonPath(incident.slug), contents: `${JSON.stringify(json, null, 2)}\n` },
  ];
  for (const output of extras) pages.push(...output({ incident, timeline, json, summary, site }));
  return { summary, pages, diagnostics: [] };
}

/** T0 as readers see it: `~2020-09-02 03:25 CDT` when the entry that gives it is approximate. */
function t0Text(timeline: Timeline, zone: string): string {
  return `${timeline.t0Approximate ? '~' : ''}${formatDateTime(timeline.t0 ?? 0, zone)}`;
}

export function timelineMeta(incident: Incident, timeline: Timeline): TimelineJson['incident'] {
  return {
    slug: incident.slug,
    title: incident.title,
    t0: timeline.t0 === null ? null : new Date(Math.floor(timeline.t0)).toISOString(),
    timezone: incident.timezone,
    display_timezone: timeline.displayZone,
    tags: incident.tags.map((t) => t.slug),
    severity: incident.severity,
    status: incident.status,
  };
}

function summarize(incident: Incident, timeline: Timeline, url: string, trackers: Record<string, string>): IncidentSummary {
  const zone = incident.displayTimezone;
  const last = timeline.events[timeline.events.length - 1];
  const span = timeline.t0 !== null && last && last.at > timeline.t0 ? (last.end ?? last.at) - timeline.t0 : null;
  const durationS = timeline.metrics.time_to_resolve_s ?? (span === null ? null : Math.round(span / 1000));
  return {
    slug: incident.slug,
    file: incident.file,
    title: incident.title,
    url,
    date: incident.date,
    dateIso: isoDay(incident.date, zone),
    // lists show the day alone, whether or not the author gave a time (the facts panel has T0)
    dateDisplay: formatDay(incident.date, zone),
    year: yearOf(incident.date, zone),
    timezone: incident.timezone,
    displayTimezone: zone,
    severity: incident.severity,
    status: incident.status,
    tags: incident.tags,
    authors: incident.authors,
    services: incident.services,
    summary: incident.summary,
    draft: incident.draft,
    review: incident.review,
    published: incident.published,
    updated: incident.updated,
    t0: timeline.t0 === null ? null : t0Text(timeline, zone),
    t0Iso: timeline.t0 === null ? null : isoUtc(timeline.t0),
    durationS,
    duration: humanDuration(durationS),
    metrics: timeline.metrics,
    milestones: timeline.events.flatMap((e) => (e.milestone ? [{ milestone: e.milestone, at: isoUtc(e.at), text: e.text }] : [])),
    lastEventIso: timeline.events.length ? isoUtc(timeline.events.reduce((m, e) => Math.max(m, e.end ?? e.at), -Infinity)) : null,
    eventCount: timeline.events.length,
    openActions: incident.actions.filter((a) => !a.done).length,
    actionCount: incident.actions.length,
    actions: summaryActions(incident.actions, trackers),
    rootCauses: rootCauses(incident.data),
    contentHtml: '',
  };
}
