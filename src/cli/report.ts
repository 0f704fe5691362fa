/** Prints diagnostics as `file:line:column: level: rule: message`, with control characters removed. */
import { formatDiagnostic, type Diagnostic, type Level } from '../diagnostics.js';
import type { CliIO } from './io.js';

const RANK: Record<Level, number> = { error: 0, warning: 1, info: 2 };

/** Removes ANSI escapes and control characters (log text reaches the terminal). */
export function stripControl(s: string): string {
  return s.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]|[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, '');
}

/** One diagnostic as one terminal line: a line break quoted from a log would start a line that names no file. */
export function diagnosticLine(d: Diagnostic): string {
  return `${stripControl(formatDiagnostic(d).replace(/[\r\n]+/g, ' '))}\n`;
}

export function printDiagnostics(list: readonly Diagnostic[], io: CliIO, minimum: Level = 'info'): void {
  for (const d of list) if (RANK[d.level] <= RANK[minimum]) io.err(diagnosticLine(d));
}
