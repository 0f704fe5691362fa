/**
 * Read phase for an incident's log sources, then the timeline computation: resolves
 * each `sources:` path next to the incident file, checks it exists, streams it
 * through the source readers, and puts every event on one axis. The timeline keeps
 * every diagnostic about it (its entries', its sources', the computation's) for the
 * published JSON; the returned `diagnostics` are only those `parseIncident` did not
 * already report, so nothing is printed twice.
 */
import path from 'node:path';
import { confine, isInside, realRoot } from '../load/confine.js';
import { Reporter, type Diagnostic } from '../diagnostics.js';
import type { Incident } from '../incident/types.js';
import { sourceProblem } from '../sources/refuse.js';
import { unknownSourceKeys } from '../sources/spec.js';
import type { SourceSpec } from '../sources/types.js';
import { computeTimeline, findT0, sortEvents } from './compute.js';
import type { Timeline, TimelineEvent } from './types.js';
import { normalizeZone, zoneOffset } from '../time/zones.js';
import { toPosix } from '../load/discover.js';

export interface ExtraSource {
  spec: SourceSpec;
  /** Folder the spec's path is relative to (the CLI's working directory). */
  base: string;
}

export interface TimelineOptions {
  public?: boolean;
  /** Show times in this zone instead of the incident's display zone. */
  displayZone?: string;
  /** Sources given on the command line, besides the front-matter ones. */
  extra?: ExtraSource[];
}

export async function incidentTimeline(
  root: string,
  incident: Incident,
  opts: TimelineOptions = {},
): Promise<{ timeline: Timeline; diagnostics: Diagnostic[]; read: string[] }> {
  const diagnostics: Diagnostic[] = [];
  const read: string[] = [];
  const events: TimelineEvent[] = [...incident.events];
  const dir = path.dirname(path.join(root, incident.file));
  // the local year, from the zone's cached offset (zones.ts) rather than a luxon DateTime per incident
  const at = incident.t0 ?? incident.date;
  const year = new Date(at + zoneOffset(incident.timezone, at) * 60_000).getUTCFullYear();
  // Log lines without a year take the one nearest T0 (the written entries'), not the post's date.
  const near = findT0(sortEvents(incident.events.filter((e) => !e.relative)), incident.t0).t0 ?? incident.date;
  const all = [...incident.sources.map((spec) => ({ spec, base: dir, cli: false })), ...(opts.extra ?? []).map((x) => ({ ...x, cli: true }))];
  const sourcesPlace = incident.places['sources'] ?? { line: 1, column: 1 };
  // A post outside the root (`pm timeline ../x.md`) is fenced to its own folder.
  const fence = isInside(path.resolve(root), dir) ? root : dir;
  for (const message of unknownSourceKeys(incident.data['sources'])) {
    diagnostics.push({ level: 'warning', file: incident.file, ...sourcesPlace, rule: 'source/unknown-key', message: `sources: ${message}` });
  }
  for (const { spec, base, cli } of all) {
    const absPath = path.resolve(base, spec.path);
    const file = toPosix(path.relative(root, absPath));
    // Front-matter sources are site content: inside the site root, links followed. A path
    // typed on the command line is the user's own choice; neither may be a pipe or device.
    const where = confine(fence, absPath, { anywhere: cli });
    if (!where.ok) {
      const place = cli ? { line: 0, column: 0 } : sourcesPlace;
      diagnostics.push({ level: 'error', file: cli ? file : incident.file, ...place, ...sourceProblem(spec.path, file, where, cli) });
      continue;
    }
    read.push(absPath);
    // the readers (and csv-parse, yaml) load only for an incident that has logs
    const { readSource } = await import('../sources/read.js');
    const zone = spec.timezone ? normalizeZone(spec.timezone) : null;
    const result = await readSource(spec, {
      absPath: where.real,
      file,
      zone: zone?.ok ? zone.zone : incident.timezone,
      year: spec.year ?? year,
      near: spec.year === undefined ? near : null,
      // A Slack channel folder may look for users.json beside it, never outside the site.
      ...(cli ? {} : { fence: realRoot(fence) }),
    });
    events.push(...result.events);
    diagnostics.push(...result.diagnostics);
  }
  const reporter = new Reporter(incident.file);
  const timeline = computeTimeline(events, {
    t0: incident.t0,
    displayZone: opts.displayZone ?? incident.displayTimezone,
    reporter,
    public: opts.public ?? false,
    // Entry diagnostics came with the incident; the sources' were found above.
    diagnostics: [...incident.diagnostics.filter((d) => d.rule.startsWith('timeline/')), ...diagnostics],
  });
  diagnostics.push(...reporter.list);
  return { timeline, diagnostics, read };
}
