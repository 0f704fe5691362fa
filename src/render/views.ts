/**
 * View models: the shapes templates receive. Dates are formatted here (explicit zone,
 * fixed locale) so templates only place strings.
 */
import type { Incident } from '../incident/types.js';
import { formatOffset } from '../timeline/duration.js';
import type { PlacedNotes } from '../timeline/notes.js';
import type { TimelineJson } from '../timeline/types.js';
import type { SiteContext } from './context.js';
import { slugify } from '../slug.js';
import { severityLevel } from '../incident/severity.js';
import { serviceUrl } from '../outputs/paths.js';
import { formatDay, humanDuration, isoDay } from './format.js';
import type { IncidentSummary } from './types.js';

const RESERVED = new Set([
  'title',
  'date',
  'timezone',
  'display_timezone',
  't0',
  'tags',
  'severity',
  'status',
  'authors',
  'author',
  'services',
  'summary',
  'draft',
  'sources',
  'slug',
  'review',
  'published',
  'updated',
]);

export function tagLinks(summary: Pick<IncidentSummary, 'tags'>, site: SiteContext, root: string): Array<{ name: string; slug: string; url: string }> {
  return summary.tags.map((t) => ({ ...t, url: `${root}${site.urls.tag(t.slug)}` }));
}

export function summaryView(s: IncidentSummary, site: SiteContext, root: string): Record<string, unknown> {
  return {
    ...s,
    href: `${root}${s.url}`,
    tags: tagLinks(s, site, root),
    severityClass: severityClass(s.severity),
    serviceLinks: s.services.flatMap((name) => (slugify(name) ? [{ name, slug: slugify(name), url: `${root}${serviceUrl(slugify(name))}` }] : [])),
  };
}

export function incidentView(incident: Incident, s: IncidentSummary, site: SiteContext, root: string): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(incident.data)) if (!RESERVED.has(k)) extra[k] = v;
  return {
    ...summaryView(s, site, root),
    metrics: {
      detect: humanDuration(s.metrics.time_to_detect_s),
      acknowledge: humanDuration(s.metrics.time_to_acknowledge_s),
      mitigate: humanDuration(s.metrics.time_to_mitigate_s),
      resolve: humanDuration(s.metrics.time_to_resolve_s),
    },
    review: s.review ?? 'published',
    publishedDisplay: s.published == null ? null : formatDay(s.published, s.displayTimezone),
    updatedDisplay: s.updated == null ? null : formatDay(s.updated, s.displayTimezone),
    updatedIso: s.updated == null ? null : isoDay(s.updated, s.displayTimezone),
    /** Front-matter keys pm does not know, for themes to use. */
    data: extra,
    extra: Object.entries(extra)
      .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
      .map(([key, value]) => ({ key, value: String(value) })),
  };
}

/** `notes`: what the Timeline section says besides its entries (timeline/notes.ts), already sanitized HTML. */
export function timelineView(json: TimelineJson, format: 'compact' | 'long', notes?: PlacedNotes): Record<string, unknown> {
  const showUtc = json.incident.display_timezone !== 'UTC';
  // The UTC column shows seconds only when some entry has them (`06:40`, else `06:40:00` on every row).
  const seconds = json.events.some((e) => !e.date_only && e.at.slice(17, 23) !== '00.000');
  const clock = (at: string): string => at.slice(11, seconds ? 19 : 16);
  return {
    ...json,
    format,
    hasEvents: json.events.length > 0,
    /** A UTC column only when local times are not UTC already. */
    showUtc,
    columns: showUtc ? 5 : 4,
    notesBefore: notes?.before ?? [],
    notesAfter: notes?.after ?? [],
    events: json.events.map((e, i) => ({
      notes: notes?.rows.get(i) ?? [],
      ...e,
      offset: format === 'long' && e.offset_s !== null ? formatOffset(e.offset_s, 'long') : e.offset,
      utc: `${e.at.slice(0, 10)} ${clock(e.at)}`,
      utcTime: clock(e.at),
      // `2024-01-07 22:23:17 CET` → day and time on two lines
      localDay: e.local.slice(0, 10),
      localTime: e.local.slice(11),
      utcDiffersInDay: e.at.slice(0, 10) !== e.local.slice(0, 10),
      milestoneLabel: e.milestone === 't0' ? 'T0' : e.milestone,
      sourceLabel: e.source.label ?? null,
    })),
  };
}

/** The badge's class: `sev-1` … `sev-4` by the one severity policy (incident/severity.ts), else `sev-unknown`. */
export function severityClass(severity: string | null): string {
  const level = severityLevel(severity);
  return level === null ? 'sev-unknown' : `sev-${level}`;
}
