/**
 * Format detection when a source has no `format`: by extension first (`.ndjson`,
 * `.jsonl`, `.json`, `.csv`, `.tsv`, `.yaml`, `.yml`), then by the first non-blank
 * lines of the file (IRC client log, JSON object or array, syslog, access log, YAML
 * list, CSV with a time column). IRC comes first: ZNC's `[08:45:12] <nick>` looks like
 * a JSON array and HexChat's `Sep 02 08:45:12 <nick>` like syslog.
 */
import { TIME_NAMES } from './fields.js';
import type { SourceFormat } from './types.js';

const SYSLOG_3164 = /^(?:<\d{1,3}>)?[A-Z][a-z]{2} [ \d]?\d \d{2}:\d{2}:\d{2}/;
const SYSLOG_5424 = /^<\d{1,3}>1 /;
const SYSLOG_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})? \S+ /;
const CLF = /^\S+ \S+ \S+ \[\d{1,2}\/[A-Za-z]{3}\/\d{4}:\d{2}:\d{2}:\d{2}/;
/** weechat, irssi (and its `--- Log opened` line), ZNC, HexChat (and `**** BEGIN LOGGING`). */
const IRC = [
  /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\t/,
  /^--- (?:Log opened|Day changed) /,
  /^\d{2}:\d{2}(?::\d{2})? (?:<[ @+%~&]?[^\s<>]+>|-!- | \* )/,
  /^\[\d{2}:\d{2}(?::\d{2})?\] (?:<[^\s<>]+>|\*\*\* |\* )/,
  /^\*\*\*\* BEGIN LOGGING AT /,
  /^[A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2}:\d{2} (?:<[^\s<>]+>[ \t]|-->\t|<--\t|\*\t|-\t)/,
];
const YAML_LIST = /^(?:---\s*$|- +[\w@]+:|events:\s*$|timeline:\s*$)/;

function extension(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1) : '';
}

function firstLines(head: string, n: number): string[] {
  const out: string[] = [];
  for (const raw of head.replace(/^\uFEFF/, '').split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() !== '') out.push(line);
    if (out.length >= n) break;
  }
  return out;
}

function fromContent(head: string): SourceFormat | null {
  const lines = firstLines(head, 5);
  const first = lines[0];
  if (first === undefined) return null;
  const t = first.trimStart();
  const votes = (re: RegExp): number => lines.filter((l) => re.test(l)).length;
  const header = first
    .toLowerCase()
    .split(/[,;\t]/)
    .map((c) => c.trim().replace(/^"|"$/g, ''));
  const csvHeader = header.length > 1 && header.some((c) => TIME_NAMES.includes(c));
  // A tab-separated log under a `time<TAB>…` header stays csv, although its lines look like weechat's.
  if (!csvHeader && lines.filter((l) => IRC.some((re) => re.test(l))).length > lines.length / 2) return 'irc';
  if (t.startsWith('{')) return 'ndjson';
  if (t.startsWith('[') && !SYSLOG_3164.test(t)) return 'json';
  if (votes(SYSLOG_3164) + votes(SYSLOG_5424) + votes(SYSLOG_ISO) > lines.length / 2) return 'syslog';
  if (votes(CLF) > lines.length / 2) return 'clf';
  if (YAML_LIST.test(first)) return 'yaml';
  if (csvHeader) return 'csv';
  return null;
}

/** The format of a file from its path and its first bytes as text; null when unknown. */
export function detectFormat(path: string, head: string): SourceFormat | null {
  switch (extension(path)) {
    case 'ndjson':
    case 'jsonl':
      return 'ndjson';
    case 'json':
      // `journalctl -o json > x.json` writes one object per line.
      return head
        .replace(/^\uFEFF/, '')
        .trimStart()
        .startsWith('[')
        ? 'json'
        : 'ndjson';
    case 'csv':
    case 'tsv':
      return 'csv';
    case 'yaml':
    case 'yml':
      return 'yaml';
    default:
      return fromContent(head);
  }
}
