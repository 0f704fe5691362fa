/**
 * Read phase for an incident's log sources: resolves each `sources:` path next to the
 * incident file, checks it exists, and streams it through the source readers.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { Diagnostic } from '../diagnostics.js';
import type { Incident } from '../incident/types.js';
import { readSource } from '../sources/read.js';
import type { TimelineEvent } from '../timeline/types.js';
import { luxonZone, normalizeZone } from '../time/zones.js';
import { toPosix } from './discover.js';

export interface IncidentSources {
  events: TimelineEvent[];
  diagnostics: Diagnostic[];
}

export async function readIncidentSources(root: string, incident: Incident): Promise<IncidentSources> {
  const events: TimelineEvent[] = [];
  const diagnostics: Diagnostic[] = [];
  const dir = path.dirname(path.join(root, incident.file));
  const place = incident.places['sources'] ?? { line: 1, column: 1 };
  const year = DateTime.fromMillis(incident.t0 ?? incident.date, { zone: luxonZone(incident.timezone) }).year;
  for (const spec of incident.sources) {
    const absPath = path.resolve(dir, spec.path);
    const file = toPosix(path.relative(root, absPath));
    if (!existsSync(absPath)) {
      diagnostics.push({
        level: 'error', file: incident.file, ...place, rule: 'sources/missing',
        message: `source "${spec.path}" does not exist (looked for ${file}); paths are relative to the incident file`,
      });
      continue;
    }
    const zone = spec.timezone ? normalizeZone(spec.timezone) : null;
    const result = await readSource(spec, {
      absPath,
      file,
      zone: zone?.ok ? zone.zone : incident.timezone,
      year: spec.year ?? year,
    });
    events.push(...result.events);
    diagnostics.push(...result.diagnostics);
  }
  return { events, diagnostics };
}
