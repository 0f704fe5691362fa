/** Rules of log sources: the `sources:` entries and the logs they name (source/). */
import type { RuleSpec } from '../spec.js';

export const SOURCE_RULES = {
  'frontmatter/sources': { level: 'error', doc: 'log-sources', summary: 'a `sources:` entry has a bad value; the entry is skipped' },
  'source/unknown-key': {
    level: 'warning',
    doc: 'log-sources',
    summary: 'a `sources:` entry has a key pm does not know (with a "did you mean" hint); the entry is read without it',
  },
  'source/missing': {
    level: 'error',
    doc: 'reading-errors-and-escaping',
    summary: 'a source path does not exist (reported at the `sources:` key, or for a log that disappears while read)',
  },
  'source/outside': {
    level: 'error',
    doc: 'reading-errors-and-escaping',
    summary: 'a front-matter source resolves (after links) outside the site folder; it is not read',
  },
  'source/unreadable': {
    level: 'error',
    doc: 'reading-errors-and-escaping',
    summary: 'the log cannot be read: a folder, a named pipe, a device, a file without read permission; the rest of the incident is built',
  },
  'source/binary': { level: 'error', doc: 'reading-errors-and-escaping', summary: 'the log is not UTF-8 text' },
  'source/empty': { level: 'warning', doc: 'reading-errors-and-escaping', summary: 'the log file is empty' },
  'source/format': { level: 'error', doc: 'detection', summary: 'the format could not be detected (set `format:`), or a `slack` source names a file' },
  'source/regex': { level: 'error', doc: 'log-sources', summary: 'a `match` or `exclude` that is not a valid regular expression' },
  'source/group': { level: 'error', doc: 'grouping', summary: 'a `group` window that is not a duration such as 30s, 10m or 1h; events are not grouped' },
  'source/timezone': { level: 'error', doc: 'log-sources', summary: 'a source `timezone` pm cannot apply; the source is read as UTC' },
  'source/json': { level: 'error', doc: 'formats', summary: 'not a JSON array of objects (nor one object per line)' },
  'source/yaml': { level: 'error', doc: 'formats', summary: 'not a YAML list of `{at, text}` entries' },
  'source/csv-header': { level: 'error', doc: 'formats', summary: 'no time column (or no `text_field` column) in the CSV header' },
  'source/malformed': { level: 'error', doc: 'formats', summary: 'a Slack day file that is not JSON; the day is skipped' },
  'source/malformed-line': { level: 'warning', doc: 'reading-errors-and-escaping', summary: 'one record could not be read (the first 5 are listed)' },
  'source/invalid-date': {
    level: 'warning',
    doc: 'reading-errors-and-escaping',
    summary: "a log line's date does not exist (`Feb 29` outside a leap year, `31/Apr/…`); the line is skipped",
  },
  'source/malformed-summary': { level: 'warning', doc: 'reading-errors-and-escaping', summary: 'how many records were left out' },
  'source/time-note': {
    level: 'warning',
    also: ['info'],
    doc: 'reading-errors-and-escaping',
    summary:
      'a DST gap or overlap in a log, a yearless line 150 days or more from T0 (warning); a syslog year roll-over, a year taken from T0 rather than `date` (info)',
  },
  'source/slack': { level: 'warning', doc: 'formats', summary: 'a Slack export without `users.json` or with a day file that is a link' },
  'source/slack-channel': {
    level: 'error',
    doc: 'formats',
    summary: 'no `channel:` for a Slack export root, a channel that is not one of its folders, or no day files',
  },
  'source/no-events': { level: 'warning', doc: 'log-sources', summary: 'the source adds no event (nothing matched `match`)' },
} as const satisfies Record<string, RuleSpec>;
