/** `pm timeline FILE`: one incident's normalized timeline as a table, markdown, HTML or JSON. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, resolveConfig } from '../../config/resolve.js';
import { hasErrors } from '../../diagnostics.js';
import { parseIncident } from '../../incident/parse.js';
import { timelineMeta } from '../../site/render-incident.js';
import { incidentTimeline, type ExtraSource } from '../../site/sources.js';
import { toPosix } from '../../site/discover.js';
import { parseSourceSpecs } from '../../sources/spec.js';
import { timelineToJson } from '../../timeline/json.js';
import { renderTimelineHtml } from '../../timeline/render-html.js';
import { renderTimelineMarkdown, renderTimelineText } from '../../timeline/render-text.js';
import { normalizeZone } from '../../time/zones.js';
import { parseCommand, str, UsageError, type CommandSpec } from '../args.js';
import type { CliIO } from '../io.js';
import { printDiagnostics } from '../report.js';

export const timelineSpec: CommandSpec = {
  name: 'timeline',
  usage: 'pm timeline FILE [--format table|md|html|json] [--json] [--zone Z] [--source LOG ...]',
  summary: "Print an incident's normalized timeline (the same JSON the site publishes with --json).",
  options: {
    format: { type: 'string', arg: 'F', help: 'table (default), md, html or json' },
    json: { type: 'boolean', help: 'same as --format json' },
    zone: { type: 'string', arg: 'Z', help: 'show local times in this zone' },
    long: { type: 'boolean', help: 'long offsets: T+5 hours 20 minutes' },
    public: { type: 'boolean', help: 'leave [internal] events out' },
    source: { type: 'string', arg: 'LOG', multiple: true, help: 'add a log file (repeatable), path relative to here' },
    'source-format': { type: 'string', arg: 'F', help: 'syslog, ndjson, json, csv, yaml or clf (default: detected)' },
    'source-timezone': { type: 'string', arg: 'Z', help: 'zone of log times without one' },
    'source-year': { type: 'string', arg: 'Y', help: 'year of syslog lines' },
    'source-label': { type: 'string', arg: 'NAME', help: 'name of the source on the page' },
    match: { type: 'string', arg: 'RE', help: 'keep log lines matching RE' },
    exclude: { type: 'string', arg: 'RE', help: 'drop log lines matching RE' },
    group: { type: 'string', arg: 'WINDOW', help: 'fold repeats inside a window, e.g. 10m' },
  },
};

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
  const extra = cliSources(values);
  const isPublic = values['public'] === true || config.public;
  const { timeline, diagnostics } = await incidentTimeline(root, incident, {
    public: isPublic,
    ...(zone?.ok ? { displayZone: zone.zone } : {}),
    extra,
  });
  const all = [...incident.diagnostics, ...diagnostics];
  const json = timelineToJson(timeline, timelineMeta(incident, timeline), { public: isPublic });
  const style = values['long'] ? 'long' : config.offsetFormat;
  if (format === 'json') io.out(`${JSON.stringify(json, null, 2)}\n`);
  else if (format === 'html') io.out(`${renderTimelineHtml(json, { format: style })}\n`);
  else if (format === 'md') io.out(renderTimelineMarkdown(json, { format: style }));
  else io.out(renderTimelineText(json, { format: style }));
  printDiagnostics(all, io, 'warning');
  return hasErrors(all) ? 1 : 0;
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
