/**
 * Front-matter fields → typed incident facts. Each reader takes the raw value and
 * returns the fact or reports a diagnostic at the key's line:column.
 */
import type { Place, Reporter } from '../diagnostics.js';
import { slugify } from '../slug.js';
import { parseDateValue } from '../time/date-value.js';
import { normalizeZone } from '../time/zones.js';
import type { Tag } from './types.js';

export const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;

export interface FieldContext {
  reporter: Reporter;
  places: Record<string, Place>;
}

export function readString(value: unknown, key: string, ctx: FieldContext): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  ctx.reporter.error('frontmatter/type', `${key} must be text, not a ${Array.isArray(value) ? 'list' : typeof value}`, ctx.places[key]);
  return null;
}

/** Lists may be written as YAML lists or as one comma-separated string. */
export function readList(value: unknown, key: string, ctx: FieldContext): string[] {
  if (value === null || value === undefined) return [];
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : null;
  if (!items) {
    ctx.reporter.error('frontmatter/type', `${key} must be a list or a comma-separated string`, ctx.places[key]);
    return [];
  }
  const out: string[] = [];
  items.forEach((v: unknown, i) => {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      const text = String(v).trim();
      if (text !== '') out.push(text);
    } else if (v !== null && v !== undefined) {
      const json = JSON.stringify(v);
      const shown = json.length > 40 ? `${json.slice(0, 39)}…` : json;
      ctx.reporter.warn(
        'frontmatter/type',
        `${key}: item ${i + 1} (${shown}) is a ${Array.isArray(v) ? 'list' : 'mapping'}, not text, and was skipped; quote it to keep it`,
        ctx.places[`${key}.${i + 1}`] ?? ctx.places[key],
      );
    }
  });
  return out;
}

/** Tags: slugged for URLs, first spelling kept for display, duplicates merged. */
export function readTags(value: unknown, ctx: FieldContext): Tag[] {
  const tags: Tag[] = [];
  for (const name of readList(value, 'tags', ctx)) {
    const slug = slugify(name);
    if (!slug) {
      ctx.reporter.warn('frontmatter/tag', `tag "${name}" has no letters or digits and was skipped`, ctx.places['tags']);
      continue;
    }
    if (!tags.some((t) => t.slug === slug)) tags.push({ slug, name });
  }
  return tags;
}

export function readZone(value: unknown, key: string, ctx: FieldContext): string | null {
  const text = readString(value, key, ctx);
  if (text === null) return null;
  const z = normalizeZone(text);
  if (z.ok) return z.zone;
  ctx.reporter.error('frontmatter/timezone', `${key}: ${z.reason}`, ctx.places[key]);
  return null;
}

/** 0001-01-01 and 9999-12-30 UTC: in any zone, a four-digit year (RFC 3339 dates in feeds). */
const FIRST_MS = -62_135_596_800_000; // 0001-01-01T00:00:00Z (Date.UTC maps years below 100 to 19xx)
const LAST_MS = Date.UTC(9999, 11, 30);

export function readDate(value: unknown, key: string, zone: string, ctx: FieldContext): { ms: number; hasTime: boolean } | null {
  const text = readString(value, key, ctx);
  if (text === null) return null;
  const d = parseDateValue(text, zone);
  if (!d.ok) {
    ctx.reporter.error('frontmatter/date', `${key}: ${d.reason}`, ctx.places[key]);
    return null;
  }
  if (d.ms < FIRST_MS || d.ms > LAST_MS) {
    ctx.reporter.error('frontmatter/date', `${key}: "${text}" is outside the years 0001–9999 that feeds and sitemaps can carry`, ctx.places[key]);
    return null;
  }
  if (d.note) ctx.reporter.warn('time/dst', `${key}: ${d.note}`, ctx.places[key]);
  return { ms: d.ms, hasTime: d.hasTime };
}

export function readStatus(value: unknown, ctx: FieldContext): string | null {
  const text = readString(value, 'status', ctx);
  if (text === null) return null;
  const s = text.toLowerCase();
  if ((STATUSES as readonly string[]).includes(s)) return s;
  ctx.reporter.warn('frontmatter/status', `status "${text}" is not one of ${STATUSES.join(', ')}`, ctx.places['status']);
  return s;
}

export function readBoolean(value: unknown, key: string, ctx: FieldContext): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'yes') return true;
  if (value === 'false' || value === 'no') return false;
  ctx.reporter.error('frontmatter/type', `${key} must be true or false`, ctx.places[key]);
  return false;
}
