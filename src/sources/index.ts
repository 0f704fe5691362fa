/**
 * Structured log sources (README "Log sources"): validation of `sources:` entries, format
 * detection, per-format parsers, filtering, grouping and the streaming reader.
 *
 * Modules: types (contract), spec (front-matter validation), read (entry point),
 * lines (streaming splitter), detect, filter, collect (events + diagnostics),
 * group/shape (folding), clock/timestamp (time), and one parser
 * per format: syslog (+ syslog-tag, syslog5424), json (+ json-array), csv, yaml, clf,
 * irc (+ irc-message), slack (+ slack-message; a folder, not a file).
 */
export { readSource } from './read.js';
export { parseSourceSpecs, parseWindow, compileRegex, unknownSourceKeys, type SpecReport } from './spec.js';
export { detectFormat } from './detect.js';
export { parseIso, fractionMs, isoInstant } from './timestamp.js';
export { messageShape } from './shape.js';
export { buildFilter, describeFilter, type LineFilter, type FilterResult } from './filter.js';
export { readLines, binaryReason, type LineStats } from './lines.js';
export { SOURCE_FORMATS } from './types.js';
export type { SourceFormat, SourceSpec, SourceContext, SourceResult, SourceStats, ParsedRecord, BadRecord, ParseOutcome, RecordParser } from './types.js';
export { SourceError } from './types.js';
export { SyslogParser } from './syslog.js';
export { NdjsonParser, recordFromJson } from './json.js';
export { CsvParser } from './csv.js';
export { ClfParser } from './clf.js';
export { IrcParser, type IrcOptions } from './irc.js';
export { readIrcMessage, type IrcMessage } from './irc-message.js';
export { readSlackSource, isSlackFolder } from './slack.js';
export { slackRecord, slackText, slackUsers } from './slack-message.js';
export { parseYamlItems } from './yaml.js';
export { parseJsonArray } from './json-array.js';
export { SourceClock } from './clock.js';
export { parseTimeValue, epochInstant, type TimeValue } from './timestamp.js';
export { Grouper, finalizeCount } from './group.js';
export { Collector, REPORTED } from './collect.js';
