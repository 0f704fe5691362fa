/**
 * Field lookup shared by the record formats (ndjson/json, csv, yaml): the time
 * and text fields found by name, and the optional `milestone`, `internal` and
 * `label` keys that hand-kept logs may carry.
 */
import type { Milestone } from '../timeline/types.js';
import type { ParsedRecord } from './types.js';

export const TIME_NAMES = ['timestamp', 'time', 'ts', '@timestamp', 'datetime', 'date', 'at', 'when'];
export const TEXT_NAMES = ['message', 'msg', 'MESSAGE', 'text', 'event', 'description', 'summary', 'what'];

const MILESTONES: Record<string, Milestone> = {
  t0: 't0',
  detected: 'detected',
  acknowledged: 'acknowledged',
  mitigated: 'mitigated',
  resolved: 'resolved',
};

export type Fields = Record<string, unknown>;

/** Value at a dotted path (`a.b.c`), exact key first. */
export function getPath(obj: Fields, path: string): unknown {
  if (Object.prototype.hasOwnProperty.call(obj, path)) return obj[path];
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (!cur || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, part)) return undefined;
    cur = (cur as Fields)[part];
  }
  return cur;
}

/**
 * Name of the first key present among `configured` (when given) or `names`;
 * exact spelling first, then case-insensitive.
 */
export function findKey(keys: readonly string[], names: readonly string[], configured?: string): string | undefined {
  if (configured !== undefined) return keys.includes(configured) ? configured : undefined;
  for (const n of names) if (keys.includes(n)) return n;
  const lower = keys.map((k) => k.toLowerCase());
  for (const n of names) {
    const i = lower.indexOf(n.toLowerCase());
    if (i >= 0) return keys[i];
  }
  return undefined;
}

/** Any field value as display text (journald byte arrays decoded as UTF-8). */
export function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (Array.isArray(v) && v.every((b) => typeof b === 'number' && b >= 0 && b < 256)) {
    return Buffer.from(v as number[]).toString('utf8');
  }
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v); // eslint-disable-line @typescript-eslint/no-base-to-string -- not an object here
}

/** `key=value` of the scalar fields, for records without a text field. */
export function fieldsText(obj: Fields, skip: string): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (k === skip || k.startsWith('_') || v === null || typeof v === 'object') continue;
    parts.push(`${k}=${String(v)}`); // eslint-disable-line @typescript-eslint/no-base-to-string -- objects skipped above
  }
  return parts.join(' ').slice(0, 500);
}

/** Copies `milestone`, `internal` and `label` onto a record; unknown milestones are ignored. */
export function applyExtras(rec: ParsedRecord, get: (key: string) => unknown): void {
  const m = get('milestone');
  if (typeof m === 'string') {
    const milestone = MILESTONES[m.trim().toLowerCase()];
    if (milestone) rec.milestone = milestone;
  }
  const internal = get('internal');
  if (internal === true || internal === 'true' || internal === 'yes') rec.internal = true;
  const label = get('label');
  if (typeof label === 'string' && label) rec.label = label;
}
