/**
 * Public types of the structured log sources (DESIGN §4): what a front-matter
 * `sources:` entry says, and what reading one source yields.
 */
import type { Diagnostic, RuleAt } from '../diagnostics.js';
import type { Milestone, TimelineEvent } from '../timeline/types.js';

export type SourceFormat = 'syslog' | 'ndjson' | 'json' | 'csv' | 'yaml' | 'clf' | 'irc' | 'slack';

export const SOURCE_FORMATS: readonly SourceFormat[] = ['syslog', 'ndjson', 'json', 'csv', 'yaml', 'clf', 'irc', 'slack'];

/** One validated `sources:` entry. */
export interface SourceSpec {
  /** Path of the log, relative to the incident file (or bundle). */
  path: string;
  /** Detected from the extension, then from the first lines, when absent. */
  format?: SourceFormat;
  /** Zone of timestamps that carry no offset (canonical name once validated). */
  timezone?: string;
  /** Year of syslog lines that have none. */
  year?: number;
  /** Regular expression a line must match to be kept. */
  match?: string;
  /** Regular expression that drops a line. */
  exclude?: string;
  /** Grouping window such as `10m`, `30s`, `1h`. */
  group?: string;
  /** Name of the source on the page. */
  label?: string;
  /** Name (or dotted path, for JSON) of the time field / column. */
  time_field?: string;
  /** Name (or dotted path, for JSON) of the text field / column. */
  text_field?: string;
  /** Chat sources (irc, slack): keep joins, parts, quits and mode changes. */
  include_joins?: boolean;
  /** Slack: the channel folder, when `path` names the export's root. */
  channel?: string;
}

/** What the caller resolved for one source. */
export interface SourceContext {
  /** Absolute path of the log on disk. */
  absPath: string;
  /** Path shown in diagnostics and `event.source.file`, relative to the site root. */
  file: string;
  /** Canonical fallback zone: `spec.timezone` ?? the incident zone. */
  zone: string;
  /** `spec.year` ?? the incident year. */
  year: number;
  /**
   * T0 (epoch ms) when `year:` is not set: a log line written without a year takes the
   * year that puts it nearest (and is a warning when that is still ~6 months away).
   */
  near?: number | null;
  /** Real path of the folder the source may not leave (the site); absent for a path typed on the command line. */
  fence?: string;
}

export interface SourceStats {
  /** Lines read (blank ones included). */
  lines: number;
  /** Events yielded (after grouping). */
  events: number;
  /** Records that passed `match`/`exclude` and were read as events (before grouping). */
  matched: number;
  /** Records that passed the filters but could not be read. */
  malformed: number;
  /** Bytes read. */
  bytes: number;
}

export interface SourceResult {
  events: TimelineEvent[];
  diagnostics: Diagnostic[];
  stats: SourceStats;
}

/** One record read by a format parser, before filtering into a TimelineEvent. */
export interface ParsedRecord {
  ok: true;
  /** Epoch ms, fraction allowed. */
  at: number;
  /** Zone the timestamp was written in. */
  zone: string;
  /** Raw text (control characters not yet stripped). */
  text: string;
  precision?: string;
  count?: number;
  end?: number | null;
  milestone?: Milestone | null;
  internal?: boolean;
  label?: string;
  /** A remark about the timestamp (DST gap/overlap, year roll-over) to report. */
  note?: string;
  /** How to report `note`: DST gaps/overlaps warn, a year roll-over informs. */
  noteLevel?: 'info' | 'warning';
  /** File the record was read from, when the source is a folder (a Slack export). */
  file?: string;
}

/** A record that could not be read: `rule` and `level` say how to report it. */
export interface BadRecord {
  ok: false;
  rule: RuleAt<'error' | 'warning'>;
  level: 'error' | 'warning';
  reason: string;
}

/** `null`: nothing to report (blank line, header row, comment). */
export type ParseOutcome = ParsedRecord | BadRecord | null;

/** Reads one record (a line, or a CSV record) of a given format. */
export interface RecordParser {
  parse(record: string): ParseOutcome;
}

export function bad(reason: string, rule: BadRecord['rule'] = 'source/malformed-line', level: 'error' | 'warning' = 'warning'): BadRecord {
  return { ok: false, rule, level, reason };
}

/** A problem that makes the whole source unreadable (bad CSV header, not a JSON array…). */
export class SourceError extends Error {
  constructor(
    readonly rule: RuleAt<'error'>,
    message: string,
    readonly line = 0,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}
