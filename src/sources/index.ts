/**
 * Structured log sources (DESIGN §4): validation of `sources:` entries, format
 * detection, per-format parsers, filtering, grouping and the streaming reader.
 */
export { readSource } from './read.js';
export { parseSourceSpecs, parseWindow, compileRegex, type SpecReport } from './spec.js';
export { detectFormat } from './detect.js';
export { messageShape } from './shape.js';
export { cleanText, escapeHtml } from './text.js';
export { readLines, binaryReason, type LineStats } from './lines.js';
export { SOURCE_FORMATS } from './types.js';
export type {
  SourceFormat,
  SourceSpec,
  SourceContext,
  SourceResult,
  SourceStats,
  ParsedRecord,
  BadRecord,
  ParseOutcome,
  RecordParser,
} from './types.js';
export { SourceError } from './types.js';
export { SyslogParser } from './syslog.js';
export { NdjsonParser, recordFromJson } from './json.js';
export { CsvParser } from './csv.js';
export { ClfParser } from './clf.js';
export { parseYamlItems } from './yaml.js';
export { parseJsonArray } from './json-array.js';
export { SourceClock } from './clock.js';
export { parseTimeValue, epochInstant, parseIso } from './timestamp.js';
export { Grouper, finalizeCount } from './group.js';
