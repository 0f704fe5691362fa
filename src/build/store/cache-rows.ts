/**
 * index.json rows: one compact array per incident. Page paths are stored with the slug
 * cut out and the resulting shapes shared (`incidents/\0/index.html`), which takes most
 * of the bytes out; a slug that is the file's name is stored as null. Page paths read
 * back are checked again (authenticated or not): a cache never names a file outside
 * the output folder.
 */
import type { Diagnostic, RuleId } from '../../diagnostics.js';
import type { FileStamp } from './stamps.js';

export interface CacheEntry {
  file: string;
  stamp: FileStamp;
  key: string;
  slug: string;
  /** The summary's date (its place in page order); null for a left-out draft. */
  date: number | null;
  /** Hash of the summary (without the body): what site-wide pages see of this incident. */
  summaryHash: string;
  diagnostics: Diagnostic[];
  /** Output paths this incident wrote. */
  pages: string[];
  /** Logs read, with their stamps: a changed log invalidates the entry. */
  sources: Array<{ path: string; stamp: FileStamp }>;
}

export type Row = [
  file: string,
  size: number,
  mtimeMs: number,
  key: string,
  slug: string | null,
  date: number | null,
  summaryHash: string,
  shape: number,
  sources: Array<[string, number, number]>,
  diagnostics?: DiagnosticRow[],
];
/** A diagnostic without its file when it is the entry's own. */
type DiagnosticRow = [level: Diagnostic['level'], line: number, column: number, rule: RuleId, message: string, file?: string, fatal?: true];

/** The file pm stamps its output folders with (out-guard.ts); no cache may name it. */
const STAMP_NAME = '.pm-output';

/**
 * True for a plain relative path below the output folder: `/`-separated, no empty,
 * `.` or `..` segment, no backslash or NUL, not pm's stamp.
 */
export function safeOutputPath(p: unknown): p is string {
  if (typeof p !== 'string' || !p || p.length > 4096 || /[\\\0]/.test(p) || p === STAMP_NAME) return false;
  return p.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

/** A shape's paths split where the slug goes, once for all the rows that share it. */
export const cutShape = (shape: readonly string[]): string[][] => shape.map((p) => p.split('\0'));
/** Most rows have no sources and no diagnostics: they share one (never modified) empty list. */
const NONE = Object.freeze([]) as unknown as never[];

/** An entry from its row; throws when a page path is not a safe output path. */
export function fromRow(row: Row, shape: readonly string[][]): CacheEntry {
  const [file, size, mtimeMs, key, ownSlug, date, summaryHash, , sources, diagnostics] = row;
  const slug = ownSlug ?? nameOf(file);
  const pages = shape.map((parts) => (parts.length === 1 ? parts[0]! : parts.join(slug)));
  for (const p of pages) if (!safeOutputPath(p)) throw new Error(`a page path of ${file} leaves the output folder`);
  return {
    file,
    stamp: { size, mtimeMs },
    key,
    slug,
    date,
    summaryHash,
    pages,
    sources: sources.length ? sources.map(([p, s, m]) => ({ path: p, stamp: { size: s, mtimeMs: m } })) : NONE,
    diagnostics: diagnostics?.length
      ? diagnostics.map(([level, line, column, rule, message, other, fatal]) => ({
          level,
          file: other ?? file,
          line,
          column,
          rule,
          message,
          ...(fatal ? { fatal } : {}),
        }))
      : NONE,
  };
}

/** The entry's page paths with its slug cut out: most incidents share one shape. */
export const shapeOf = (e: CacheEntry): string[] => e.pages.map((p) => (e.slug ? p.split(e.slug).join('\0') : p));

export function toRow(e: CacheEntry, shape: number): Row {
  const sources = e.sources.map((s): [string, number, number] => [s.path, s.stamp.size, s.stamp.mtimeMs]);
  const row: Row = [e.file, e.stamp.size, e.stamp.mtimeMs, e.key, e.slug === nameOf(e.file) ? null : e.slug, e.date, e.summaryHash, shape, sources];
  if (e.diagnostics.length) {
    row.push(
      e.diagnostics.map((d): DiagnosticRow => {
        const r: DiagnosticRow = [d.level, d.line, d.column, d.rule, d.message];
        if (d.file !== e.file || d.fatal) r.push(d.file);
        if (d.fatal) r.push(true);
        return r;
      }),
    );
  }
  return row;
}

/** The file's name without its extension (`posts/2024-01-01-x.md` → `2024-01-01-x`). */
const nameOf = (file: string): string => file.slice(file.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
