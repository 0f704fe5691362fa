/**
 * Diagnostics are values, not thrown strings: every content problem carries the
 * file, a 1-based line and column, a rule id (registered in diagnostics/rules.ts) and
 * a severity. Only `fatal` ones stop the processing of a file (one that cannot be read:
 * load/unreadable.ts); everything else is reported and the build goes on.
 */
import { displayText } from './text/controls.js';
import type { Level } from './diagnostics/spec.js';
import type { RuleAt, RuleId } from './diagnostics/rules.js';

export type { Level } from './diagnostics/spec.js';
export type { RuleAt, RuleId } from './diagnostics/rules.js';

export interface Diagnostic {
  level: Level;
  /** Path relative to the site root, POSIX separators. */
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based; 0 when unknown. */
  column: number;
  /** Stable rule id, e.g. `frontmatter/date`, `timeline/offset-mismatch`: one of the registry (diagnostics/rules.ts). */
  rule: RuleId;
  message: string;
  /** True when the file could not be processed at all. */
  fatal?: boolean;
}

export interface Place {
  line: number;
  column: number;
}

/** Collects diagnostics for one file. */
export class Reporter {
  readonly list: Diagnostic[] = [];
  constructor(readonly file: string) {}

  report(level: Level, rule: RuleId, message: string, place?: Partial<Place>): Diagnostic {
    const d: Diagnostic = {
      level,
      file: this.file,
      line: place?.line ?? 0,
      column: place?.column ?? 0,
      rule,
      message,
    };
    this.list.push(d);
    return d;
  }
  error(rule: RuleAt<'error'>, message: string, place?: Partial<Place>): Diagnostic {
    return this.report('error', rule, message, place);
  }
  warn(rule: RuleAt<'warning'>, message: string, place?: Partial<Place>): Diagnostic {
    return this.report('warning', rule, message, place);
  }
  info(rule: RuleAt<'info'>, message: string, place?: Partial<Place>): Diagnostic {
    return this.report('info', rule, message, place);
  }
}

/** Thrown only to unwind what no one file owns (the site-wide pages: theme/failed); carries its diagnostic. */
export class FatalDiagnostic extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(formatDiagnostic(diagnostic));
    this.name = 'FatalDiagnostic';
  }
}

/**
 * `file:line:column: level: rule: message` — the format editors and CI understand. File
 * names and messages come from the site: no escape sequence reaches a terminal.
 */
export function formatDiagnostic(d: Diagnostic): string {
  return displayText(`${d.file}:${d.line}:${d.column}: ${d.level}: ${d.rule}: ${d.message}`);
}

const ORDER: Record<Level, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: file, line, column, then severity. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || ORDER[a.level] - ORDER[b.level],
  );
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.level === 'error');
}
