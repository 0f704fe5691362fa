/**
 * What `pm check`'s own rules keep of one incident: the rules that need it alone (their
 * diagnostics) and what the site-wide rules read of it (slug, links, tags). A row is good
 * for the text it was found in: the key of the engine's cache row (pm's code, config,
 * theme, the file's text); a changed log makes the engine examine the file again, which
 * makes a new row. An incremental check (pm serve's background check) keeps them in its
 * folder, authenticated like the build cache (the site folder is untrusted), so a warm
 * check examines only what changed.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { Examined } from '../build/examine.js';
import { readText, writeAtomically } from '../build/store/cache-files.js';
import type { Signer } from '../build/store/cache-sign.js';
import type { SiteSetup } from '../build/setup.js';
import type { Incident } from '../incident/types.js';
import type { Timeline } from '../timeline/types.js';
import { checkActions } from './actions.js';
import { linkRefs, type LinkRef } from './links.js';
import { checkPlaceholders } from './placeholder.js';
import { checkSections } from './sections.js';
import { checkSourceOrder } from './source-order.js';
import type { TagOwner } from './tags.js';
import type { CheckEvent } from './types.js';

export interface CheckRow {
  /** The engine's cache key of the text this row was found in. */
  key: string;
  /** Null when the incident could not be examined (its error is the engine's). */
  found: { slug: string; own: Diagnostic[]; refs: LinkRef[]; tags: TagOwner } | null;
}

const ROLE = 'check-rows';
const VERSION = 'pm-check-rows/1';

/** The row of one examined incident. */
export function rowOf({ result, staged }: Examined, config: SiteSetup['config'], today: string | null): CheckRow {
  if (!staged) return { key: result.key, found: null };
  const { incident, timeline } = staged;
  const { file, slug, tags, places, bodyLineOffset } = incident;
  const own = incidentRules(incident, publishedEvents(timeline, config.public), config.requiredSections, today);
  return { key: result.key, found: { slug, own, refs: linkRefs(incident), tags: { file, tags, places, bodyLineOffset } } };
}

/** The rules that need one incident alone. */
export function incidentRules(incident: Incident, events: readonly CheckEvent[], requiredSections: readonly string[], today: string | null): Diagnostic[] {
  return [
    ...checkSections(incident, requiredSections),
    ...checkActions(incident, today),
    ...checkSourceOrder(incident.file, events),
    ...checkPlaceholders(incident),
  ];
}

/** The rows kept in `dir` for this `today`; an empty map when none can be trusted. */
export function loadRows(dir: string, signer: Signer, today: string | null): Map<string, CheckRow> {
  const text = readText(path.join(dir, 'rows.json'));
  const data = text === null ? null : signer.open(ROLE, text);
  if (data === null) return new Map();
  try {
    const parsed = JSON.parse(data) as { version: string; today: string | null; rows: Record<string, CheckRow> };
    if (parsed.version !== VERSION || parsed.today !== today) return new Map();
    return new Map(Object.entries(parsed.rows));
  } catch {
    return new Map();
  }
}

/** Keeps the rows for the next check; a folder pm may not write is left alone (the next check examines again). */
export function saveRows(dir: string, signer: Signer, today: string | null, rows: ReadonlyMap<string, CheckRow>): void {
  try {
    writeAtomically(path.join(dir, 'rows.json'), signer.seal(ROLE, JSON.stringify({ version: VERSION, today, rows: Object.fromEntries(rows) })));
  } catch {
    // not writable: nothing kept
  }
}

/** The timeline's events as timeline.json publishes them (no `[internal]` ones in --public). */
function publishedEvents(timeline: Timeline | null, isPublic: boolean): CheckEvent[] {
  if (!timeline) return [];
  const events = isPublic ? timeline.events.filter((e) => !e.internal) : timeline.events;
  return events.map((e) => ({ at: e.at, source: { file: e.source.file, line: e.source.line } }));
}
