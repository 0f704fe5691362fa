/**
 * Validation of the front-matter `sources:` value: a list whose items are a path
 * string or `{path, format?, timezone?, year?, match?, exclude?, group?, label?,
 * time_field?, text_field?}`. An entry with a bad value is reported with a hint
 * and skipped; the others are kept. A key pm does not know is not an error: the
 * entry is read without it, and {@link unknownSourceKeys} gives the warnings.
 */
import { suggest } from '../suggest.js';
import { normalizeZone } from '../time/zones.js';
import { SOURCE_FORMATS, type SourceFormat, type SourceSpec } from './types.js';

export type SpecReport = (message: string, key?: string, index?: number) => void;

const KEYS = ['path', 'format', 'timezone', 'year', 'match', 'exclude', 'group', 'label', 'time_field', 'text_field', 'include_joins', 'channel'];
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `10m`, `30s`, `1h`, `1h30m`, `500ms`, `1d` → milliseconds; null when unreadable or zero. */
export function parseWindow(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (!/^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d)\s*)+$/.test(t)) return null;
  let total = 0;
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) total += Number(m[1]) * (UNITS[m[2]!] ?? 0);
  return total > 0 ? total : null;
}

/** Compiles a user regular expression; the error text when it does not compile. */
export function compileRegex(source: string): RegExp | string {
  try {
    return new RegExp(source);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

function asList(raw: unknown): unknown[] | null {
  if (raw === undefined || raw === null) return [];
  if (Array.isArray(raw)) return raw as unknown[];
  if (typeof raw === 'string' || typeof raw === 'object') return [raw];
  return null;
}

export function parseSourceSpecs(raw: unknown, report: SpecReport): SourceSpec[] {
  const list = asList(raw);
  if (!list) {
    report('must be a list of log paths or of {path, format, timezone, …} entries');
    return [];
  }
  const out: SourceSpec[] = [];
  list.forEach((item, index) => {
    const spec = parseEntry(item, index, report);
    if (spec) out.push(spec);
  });
  return out;
}

/**
 * One message per key of a `sources:` entry that pm does not know (it is ignored),
 * with a "did you mean" hint for a near miss: `entry 1: unknown key \`grup\` is
 * ignored; did you mean \`group\`?`.
 */
export function unknownSourceKeys(raw: unknown): string[] {
  const out: string[] = [];
  (asList(raw) ?? []).forEach((item, index) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return;
    for (const key of Object.keys(item)) {
      if (KEYS.includes(key)) continue;
      const hint = suggest(key, KEYS);
      out.push(`entry ${index + 1}: unknown key \`${key}\` is ignored; ${hint ? `did you mean \`${hint}\`?` : `known keys: ${KEYS.join(', ')}`}`);
    }
  });
  return out;
}

function parseEntry(item: unknown, index: number, report: SpecReport): SourceSpec | null {
  const where = `entry ${index + 1}`;
  if (typeof item === 'string') {
    if (item.trim()) return { path: item.trim() };
    report(`${where}: the path is empty`, 'path', index);
    return null;
  }
  if (!item || typeof item !== 'object' || Array.isArray(item)) {
    report(`${where}: expected a path or an object such as {path: auth.log, format: syslog}`, undefined, index);
    return null;
  }
  const o = item as Record<string, unknown>;
  let ok = true;
  const fail = (key: string, message: string): void => {
    report(`${where}: ${message}`, key, index);
    ok = false;
  };
  const str = (key: string): string | undefined => {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    fail(key, `\`${key}\` must be a string`);
    return undefined;
  };
  const spec: SourceSpec = { path: str('path')?.trim() ?? '' };
  if (!spec.path) fail('path', '`path` is required (the log file, relative to the incident file)');
  const format = str('format')?.trim().toLowerCase();
  if (format !== undefined) {
    const alias: Record<string, SourceFormat> = {
      jsonl: 'ndjson',
      journald: 'ndjson',
      yml: 'yaml',
      access: 'clf',
      weechat: 'irc',
      irssi: 'irc',
      znc: 'irc',
      hexchat: 'irc',
    };
    const f = alias[format] ?? format;
    if ((SOURCE_FORMATS as readonly string[]).includes(f)) spec.format = f as SourceFormat;
    else fail('format', `unknown format "${format}"; use one of ${SOURCE_FORMATS.join(', ')} (or leave it out to detect it)`);
  }
  const zone = str('timezone');
  if (zone !== undefined) {
    const z = normalizeZone(zone);
    if (z.ok) spec.timezone = z.zone;
    else fail('timezone', z.reason);
  }
  if (o['year'] !== undefined && o['year'] !== null) {
    const y = Number(o['year']);
    if (Number.isInteger(y) && y >= 1970 && y <= 9999) spec.year = y;
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- TODO: a list or table shows as [object Object]
    else fail('year', `year "${String(o['year'])}" must be a four-digit year such as 2017`);
  }
  for (const key of ['match', 'exclude'] as const) {
    const re = str(key);
    if (re === undefined) continue;
    const compiled = compileRegex(re);
    if (typeof compiled === 'string')
      fail(key, `\`${key}\` is not a valid regular expression (${compiled}); escape special characters such as ( [ + * ? with a backslash`);
    else spec[key] = re;
  }
  const group = str('group');
  if (group !== undefined) {
    if (parseWindow(group) !== null) spec.group = group.trim();
    else fail('group', `group window "${group}" is not a duration; write it like 30s, 10m or 1h`);
  }
  for (const key of ['label', 'time_field', 'text_field', 'channel'] as const) {
    const v = str(key);
    if (v !== undefined) spec[key] = v;
  }
  const joins = o['include_joins'];
  if (typeof joins === 'boolean') spec.include_joins = joins;
  else if (joins !== undefined && joins !== null) fail('include_joins', '`include_joins` must be true or false');
  return ok ? spec : null;
}
