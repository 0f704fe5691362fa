/** `pm timeline FILE`: one incident's normalized timeline as a table, markdown, HTML or JSON. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, resolveConfig } from '../../config/resolve.js';
import { hasErrors } from '../../diagnostics.js';
import { parseIncident } from '../../incident/parse.js';
import { timelineMeta } from '../../render/incident-pages.js';
import { incidentTimeline, type ExtraSource } from '../../timeline/incident-timeline.js';
import { toPosix } from '../../load/discover.js';
import { unlisted } from '../../sources/listed.js';
import { parseSourceSpecs } from '../../sources/spec.js';
import { timelineToJson } from '../../timeline/json.js';
import { placeNotes } from '../../timeline/notes.js';
import { renderTimelineHtml } from '../../timeline/render-html.js';
import { renderTimelineMarkdown, renderTimelineText } from '../../timeline/render-text.js';
import { normalizeZone } from '../../time/zones.js';
import { parseCommand, str, UsageError } from '../args.js';
import { timelineSpec } from '../specs.js';
import type { CliIO } from '../io.js';
import { printDiagnostics } from '../report.js';

const FORMATS = ['table', 'md', 'html', 'json'] as const;

export async function runTimeline(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommand(timelineSpec, argv);
  const [fileArg, ...more] = positionals;
  if (!fileArg || more.length) throw new UsageError('give exactly one incident file: pm timeline posts/2020-09-02-x.md', timelineSpec);
  const format = values['json'] ? 'json' : (str(values['format']) ?? 'table');
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`, timelineSpec);
  const zoneArg = str(values['zone']);
  const zone = zoneArg ? normalizeZone(zoneArg) : null;
  if (zone && !zone.ok) throw new UsageError(`--zone: ${zone.reason}`, timelineSpec);

  const root = process.cwd();
  const config = resolveConfig(loadConfig(root).config, { root });
  const file = toPosix(path.relative(root, path.resolve(fileArg)));
  let content: string;
  try {
    content = readFileSync(path.resolve(fileArg), 'utf8');
  } catch (e) {
    io.err(`pm timeline: cannot read ${fileArg}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 1;
  }
  const incident = parseIncident({ file, content }, config);
  const { keep: extra, notes } = unlisted(incident.sources, path.dirname(path.resolve(fileArg)), cliSources(values));
  for (const note of notes) io.err(`pm timeline: ${note}\n`);
  const isPublic = values['public'] === true || config.public;
  const { timeline, diagnostics } = await incidentTimeline(root, incident, {
    public: isPublic,
    ...(zone?.ok ? { displayZone: zone.zone } : {}),
    extra,
  });
  const all = [...incident.diagnostics, ...diagnostics];
  const json = timelineToJson(timeline, timelineMeta(incident, timeline), { public: isPublic, notes: { notes: incident.document.notes, file: incident.file } });
  const style = values['long'] ? 'long' : config.offsetFormat;
  if (format === 'json') io.out(`${JSON.stringify(json, null, 2)}\n`);
  else if (format === 'html') io.out(`${renderTimelineHtml(json, { format: style, notes: placeNotes(incident.document.notes, json, incident.file) })}\n`);
  else if (format === 'md') io.out(renderTimelineMarkdown(json, { format: style }));
  else if (json.events.length) io.out(renderTimelineText(json, { format: style, ...(io.columns ? { width: io.columns } : {}) }));
  printDiagnostics(all, io, 'warning');
  if (json.events.length === 0) {
    // Nothing to show is a failure (exit 1), with what to add rather than an empty table.
    io.err(`pm timeline: ${emptyReason(file, incident.timelineSection !== null, incident.sources.length + extra.length > 0)}\n`);
    return 1;
  }
  return hasErrors(all) ? 1 : 0;
}

function emptyReason(file: string, hasSection: boolean, hasSources: boolean): string {
  const entry = '`- 2020-09-02 03:25 UTC [T0] server unreachable`';
  if (hasSection) return `the Timeline section of ${file} has no entries: start each list item or line with a time, such as ${entry}`;
  const logs = hasSources ? 'its logs add no event (see the diagnostics above)' : 'it lists no logs under `sources:`';
  return `${file} has no timeline: it has no "## Timeline" section and ${logs}; add the section with one entry per line, such as ${entry}`;
}

function cliSources(values: Record<string, unknown>): ExtraSource[] {
  const paths = (values['source'] as string[] | undefined) ?? [];
  if (!paths.length) return [];
  const raw = paths.map((p) => ({
    path: p,
    ...(values['source-format'] ? { format: values['source-format'] } : {}),
    ...(values['source-timezone'] ? { timezone: values['source-timezone'] } : {}),
    ...(values['source-year'] ? { year: Number(values['source-year']) } : {}),
    ...(values['source-label'] ? { label: values['source-label'] } : {}),
    ...(values['match'] ? { match: values['match'] } : {}),
    ...(values['exclude'] ? { exclude: values['exclude'] } : {}),
    ...(values['group'] ? { group: values['group'] } : {}),
  }));
  const problems: string[] = [];
  const specs = parseSourceSpecs(raw, (message) => problems.push(message));
  if (problems.length) throw new UsageError(`--source: ${problems.join('; ')}`, timelineSpec);
  return specs.map((spec) => ({ spec, base: process.cwd() }));
}
