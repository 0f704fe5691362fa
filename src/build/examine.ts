/**
 * The heavy stages (markdown, timeline, templates): one incident from its text to its
 * pages, and the site-wide pages from summaries. Loaded on first use by disk builds
 * (see setup.ts), directly by everything else.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { FatalDiagnostic, type Diagnostic } from '../diagnostics.js';
import { parseIncident } from '../incident/parse.js';
import type { Incident, IncidentInput } from '../incident/types.js';
import type { Timeline } from '../timeline/types.js';
import { incidentKey } from './store/cache.js';
import type { SiteContext } from '../render/context.js';
import { readIncident } from '../load/discover.js';
import { unreadable } from '../load/unreadable.js';
import { localRefs } from '../check/local-links.js';
import { siteOutputs } from '../outputs/registry.js';
import type { IncidentResult } from './setup.js';
import { renderIncident } from './render-incident.js';
import { checkNesting, checkSize, incidentTimeLimitMs, timeLimitMessage } from '../load/guard.js';
import { parsesInTime } from '../load/probe.js';
import { incidentTimeline } from '../timeline/incident-timeline.js';
import type { IncidentSummary, Page } from '../render/types.js';

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
  return render(await stageIncident(root, input, site), site, key);
}

function render(staged: StagedIncident, site: SiteContext, key: string): IncidentResult {
  const { incident, timeline, diagnostics, read } = staged;
  const base = { file: incident.file, slug: incident.slug, key };
  if (!timeline) return { ...base, summary: null, pages: [], diagnostics, sources: [] };
  const links = localRefs(incident);
  const out = renderIncident(incident, timeline, site);
  return { ...base, summary: out.summary, pages: out.pages, diagnostics, sources: read, links };
}

export interface ExamineOptions {
  /**
   * Parse large posts in a probe thread first, stopped at the time limit (probe.ts).
   * Off in the pool's workers, whose watchdog stops the whole worker instead.
   */
  timeGuard?: boolean;
  /** Milliseconds one incident may take (default: PM_INCIDENT_TIMEOUT or 30 s). */
  timeLimitMs?: number;
}

/** One incident's result, and its parsed form for `pm check` (null when it could not be processed). */
export interface Examined {
  result: IncidentResult;
  staged: StagedIncident | null;
}

/**
 * One incident file from disk to its pages, whatever the file holds — the single way
 * `pm build`, its workers, `pm serve` and `pm check` process an incident, so they find
 * the same problems. The limits of guard.ts come first (size before reading, nesting
 * before parsing), then the time guard; any exception after that (a stack overflow, a
 * string too long for the engine) is this file's error, never the build's.
 */
export async function examineIncident(root: string, file: string, site: SiteContext, siteKey: string, opts: ExamineOptions = {}): Promise<Examined> {
  const failed = (d: Diagnostic, key = ''): Examined => ({
    staged: null,
    result: { file, slug: '', summary: null, pages: [], diagnostics: [d], sources: [], key },
  });
  let input: IncidentInput;
  try {
    const tooBig = checkSize(file, statSync(path.join(root, file)).size);
    if (tooBig) return failed(tooBig);
    input = readIncident(root, file);
  } catch (e) {
    return failed(unreadable(file, e));
  }
  const key = incidentKey(siteKey, file, input.content);
  const deep = checkNesting(file, input.content);
  if (deep) return failed(deep, key);
  const limit = opts.timeLimitMs ?? incidentTimeLimitMs();
  if ((opts.timeGuard ?? true) && !(await parsesInTime(input.content, limit))) {
    return failed({ level: 'error', file, line: 0, column: 0, rule: 'limits/time', message: timeLimitMessage(limit) }, key);
  }
  try {
    const staged = await stageIncident(root, input, site);
    return { staged, result: render(staged, site, key) };
  } catch (e) {
    return failed(e instanceof FatalDiagnostic ? e.diagnostic : crashed(file, e, 'could not be processed'), key);
  }
}

/** Reads one incident file and processes it; `siteKey` makes the cache key. */
export async function readAndProcess(root: string, file: string, site: SiteContext, siteKey: string, opts: ExamineOptions = {}): Promise<IncidentResult> {
  return (await examineIncident(root, file, site, siteKey, opts)).result;
}

/** What an exception was, on one line and short (no stack: where in pm is not the author's business). */
function reasonOf(e: unknown): string {
  return (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).replace(/\s+/g, ' ').slice(0, 200);
}

/** An exception as the file's error: what it was, not where in pm (no stack). */
function crashed(file: string, e: unknown, what: string): Diagnostic {
  const reason = reasonOf(e);
  return {
    level: 'error',
    file,
    line: 0,
    column: 0,
    rule: 'incident/failed',
    message: `this incident ${what} (${reason}); simplify the construct that triggers it, ` + 'and report it to pm if the post is ordinary markdown',
  };
}

/**
 * Site-wide pages (indexes, tags, feeds, data files) from summaries sorted newest first.
 * They depend on no one incident, so an exception here (a theme's template that throws)
 * is an error of the theme: a {@link FatalDiagnostic}, which stops the build with exit 1.
 */
export function renderSite(sorted: readonly IncidentSummary[], site: SiteContext): Page[] {
  const pages: Page[] = [];
  try {
    for (const output of siteOutputs) pages.push(...output(sorted, site));
  } catch (e) {
    if (e instanceof FatalDiagnostic) throw e;
    const { root, themeDirs } = site.config;
    const own = themeDirs.find((d) => !path.relative(root, d).startsWith('..') && existsSync(d));
    const file = own ? path.relative(root, own).split(path.sep).join('/') : '.';
    throw new FatalDiagnostic({
      level: 'error',
      file,
      line: 0,
      column: 0,
      rule: 'theme/failed',
      fatal: true,
      message: `the theme could not render the site's pages (${reasonOf(e)}); fix its templates`,
    });
  }
  return pages;
}
