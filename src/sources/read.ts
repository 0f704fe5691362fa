/**
 * `readSource`: reads one log source into timeline events. Line formats (syslog,
 * ndjson, csv, clf) are streamed: memory holds one chunk plus the events kept
 * (with `group:`, only the folded ones). `json` arrays and `yaml` lists are parsed
 * whole. A missing, unreadable or binary file is an error diagnostic; malformed
 * lines are counted and reported, never fatal.
 */
import { constants } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { specialKind } from '../load/confine.js';
import { unreadableMessage } from '../load/unreadable.js';
import { Reporter, type RuleAt } from '../diagnostics.js';
import { normalizeZone } from '../time/zones.js';
import { SourceClock } from './clock.js';
import { Collector } from './collect.js';
import { ClfParser } from './clf.js';
import { CsvParser } from './csv.js';
import { detectFormat } from './detect.js';
import { buildFilter, describeFilter, type LineFilter } from './filter.js';
import { parseJsonArray } from './json-array.js';
import { DEEP_MESSAGE, tooDeep } from './json-guard.js';
import { NdjsonParser, recordFromJson } from './json.js';
import { binaryReason, BinaryFileError, readLines } from './lines.js';
import { parseWindow } from './spec.js';
import { IrcParser } from './irc.js';
import { isSlackFolder, readSlackSource } from './slack.js';
import { SyslogParser } from './syslog.js';
import { stripBom } from '../text/controls.js';
import {
  bad,
  SOURCE_FORMATS,
  SourceError,
  type RecordParser,
  type SourceContext,
  type SourceFormat,
  type SourceResult,
  type SourceSpec,
  type SourceStats,
} from './types.js';
import { parseYamlItems } from './yaml.js';

const HEAD_BYTES = 64 * 1024;

async function readHead(path: string): Promise<Buffer> {
  // Non-blocking: opening a named pipe must not wait for a writer. Only a regular file
  // (or a folder, which fails below with EISDIR) is read.
  const fh = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = await fh.stat();
    if (!st.isFile() && !st.isDirectory()) throw new SourceError('source/unreadable', `is ${specialKind(st)}, not a log file: pm reads only regular files`);
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function ioMessage(err: unknown, spec: SourceSpec): { rule: RuleAt<'error'>; message: string } {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return { rule: 'source/missing', message: `source "${spec.path}" does not exist; paths are relative to the incident file` };
  if (code === 'EISDIR')
    return {
      rule: 'source/unreadable',
      message: `source "${spec.path}" is a folder, not a log file: name a log file in it (a folder is read only as a Slack export)`,
    };
  // The error code, not the message: the message holds the absolute path, which would
  // make the published JSON differ from one checkout to the next.
  return { rule: 'source/unreadable', message: unreadableMessage(`source "${spec.path}"`, code ? { code } : err) };
}

function lineParser(format: SourceFormat, spec: SourceSpec, clock: SourceClock, ctx: SourceContext): RecordParser {
  const opts = { clock, timeField: spec.time_field, textField: spec.text_field };
  const near = ctx.near ?? null;
  switch (format) {
    case 'syslog':
      return new SyslogParser(clock, ctx.year, near);
    case 'irc':
      return new IrcParser({ clock, file: ctx.file, year: ctx.year, near, includeJoins: spec.include_joins === true });
    case 'clf':
      return new ClfParser(clock);
    case 'csv':
      return new CsvParser(opts);
    default:
      return new NdjsonParser(opts);
  }
}

export async function readSource(spec: SourceSpec, ctx: SourceContext): Promise<SourceResult> {
  const reporter = new Reporter(ctx.file);
  const stats: SourceStats = { lines: 0, events: 0, matched: 0, malformed: 0, bytes: 0 };
  const done = (collector?: Collector): SourceResult => {
    const events = collector?.events ?? [];
    stats.events = events.length;
    stats.matched = collector?.matched ?? 0;
    stats.malformed = collector?.malformed ?? 0;
    return { events, diagnostics: reporter.list, stats };
  };
  let head: Buffer;
  try {
    head = await readHead(ctx.absPath);
  } catch (err) {
    const folder = (err as { code?: string }).code === 'EISDIR';
    if (folder && (spec.format === 'slack' || (spec.format === undefined && (await isSlackFolder(ctx.absPath, ctx.fence))))) {
      return done(await readSlackSource(spec, ctx, reporter, stats));
    }
    if (err instanceof SourceError) reporter.error(err.rule, `source "${spec.path}" ${err.message}`);
    else {
      const { rule, message } = ioMessage(err, spec);
      reporter.error(rule, message);
    }
    return done();
  }
  if (head.length === 0) {
    reporter.warn('source/empty', `source "${spec.path}" is empty: it adds no event`);
    return done();
  }
  const binary = binaryReason(head);
  if (binary) {
    reporter.error('source/binary', `source "${spec.path}" is not a text log: ${binary}`);
    return done();
  }
  if (spec.format === 'slack') {
    reporter.error(
      'source/format',
      `source "${spec.path}" is a file; a \`slack\` source names a Slack export's channel folder (or its root with \`channel:\`)`,
    );
    return done();
  }
  const headText = stripBom(head.toString('utf8'));
  let format = spec.format ?? detectFormat(ctx.file, headText);
  if (!format) {
    reporter.error('source/format', `cannot tell the format of "${spec.path}"; set \`format:\` to one of ${SOURCE_FORMATS.join(', ')}`);
    return done();
  }
  // `journalctl -o json` writes one object per line even when the file says .json.
  if (format === 'json' && headText.trimStart().startsWith('{')) format = 'ndjson';
  const built = buildFilter(spec);
  if (!built.ok) {
    reporter.error('source/regex', `\`${built.key}\` is not a valid regular expression (${built.reason})`);
    return done();
  }
  let windowMs: number | null = null;
  if (spec.group !== undefined) {
    windowMs = parseWindow(spec.group);
    if (windowMs === null) reporter.error('source/group', `group window "${spec.group}" is not a duration such as 30s, 10m or 1h; events are not grouped`);
  }
  const zone = normalizeZone(ctx.zone);
  if (!zone.ok) reporter.error('source/timezone', `${zone.reason}; reading the source as UTC`);
  const clock = new SourceClock(zone.ok ? zone.zone : 'UTC');
  const collector = new Collector(reporter, spec.label, windowMs);
  try {
    if (format === 'json' || format === 'yaml') await readWhole(format, spec, ctx, clock, built.filter, collector, stats);
    else await readStream(lineParser(format, spec, clock, ctx), ctx, built.filter, collector, stats);
  } catch (err) {
    if (err instanceof SourceError) reporter.error(err.rule, err.message, { line: err.line, column: err.line ? 1 : 0 });
    else if (err instanceof BinaryFileError) reporter.error('source/binary', `source "${spec.path}" is not a text log: ${err.reason}`);
    else {
      const { rule, message } = ioMessage(err, spec);
      reporter.error(rule, message);
    }
  }
  collector.finish(stats.lines, describeFilter(spec));
  return done(collector);
}

async function readStream(parser: RecordParser, ctx: SourceContext, filter: LineFilter, collector: Collector, stats: SourceStats): Promise<void> {
  const csv = parser instanceof CsvParser ? parser : null;
  let header = csv !== null;
  let recordLine = 0;
  const result = await readLines(ctx.absPath, (line, lineNo) => {
    if (csv) {
      if (recordLine === 0) recordLine = lineNo;
      const record = csv.assemble(line);
      if (record === null) return;
      const start = recordLine;
      recordLine = 0;
      if (header) {
        if (record.trim() !== '') header = false;
        csv.parse(record);
        return;
      }
      collector.attempt(start, () => {
        if (filter(record)) collector.add(csv.parse(record), start);
      });
      return;
    }
    collector.attempt(lineNo, () => {
      if (filter(line)) collector.add(parser.parse(line), lineNo);
    });
  });
  if (csv?.leftover() != null) {
    collector.add(
      { ok: false, rule: 'source/malformed-line', level: 'warning', reason: 'a quoted field is not closed before the end of the file' },
      recordLine,
    );
  }
  stats.lines = result.lines;
  stats.bytes = result.bytes;
}

async function readWhole(
  format: 'json' | 'yaml',
  spec: SourceSpec,
  ctx: SourceContext,
  clock: SourceClock,
  filter: LineFilter,
  collector: Collector,
  stats: SourceStats,
): Promise<void> {
  const buf = await readFile(ctx.absPath);
  stats.bytes = buf.length;
  const text = stripBom(buf.toString('utf8'));
  let lines = text === '' || text.endsWith('\n') ? 0 : 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  stats.lines = lines;
  const opts = { clock, timeField: spec.time_field, textField: spec.text_field };
  if (format === 'json') {
    for (const el of parseJsonArray(text)) {
      collector.attempt(el.line, () => {
        // The filter reads the element as text: a deep one is refused before it is stringified.
        if (tooDeep(el.value)) collector.add(bad(DEEP_MESSAGE), el.line);
        else if (filter(JSON.stringify(el.value))) collector.add(recordFromJson(el.value, opts), el.line);
      });
    }
    return;
  }
  for (const item of parseYamlItems(text, opts)) {
    collector.attempt(item.line, () => {
      if (filter(item.raw)) collector.add(item.outcome, item.line);
    });
  }
}
