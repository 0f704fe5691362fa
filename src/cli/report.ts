/** Prints diagnostics as `file:line:column: level: rule: message`, with control characters removed. */
import { formatDiagnostic, type Diagnostic, type Level } from '../diagnostics.js';
import type { CliIO } from './io.js';
import { terminalLine } from '../text/controls.js';

const RANK: Record<Level, number> = { error: 0, warning: 1, info: 2 };

/** One diagnostic as one terminal line: a line break quoted from a log would start a line that names no file. */
export function diagnosticLine(d: Diagnostic): string {
  return `${terminalLine(formatDiagnostic(d))}\n`;
}

export function printDiagnostics(list: readonly Diagnostic[], io: CliIO, minimum: Level = 'info'): void {
  for (const d of list) if (RANK[d.level] <= RANK[minimum]) io.err(diagnosticLine(d));
}
