/**
 * `check/source-order`: inside one log source, lines normally only go forward in
 * time. A line more than a small tolerance earlier than the line before it usually
 * means two logs were concatenated in the wrong order, a wrong `timezone:` on part
 * of the file, or a clock that jumped. Hand-written timelines are not checked here
 * (the timeline engine rolls time-only entries over and says so).
 */
import type { Diagnostic } from '../diagnostics.js';
import type { CheckEvent } from './types.js';

/** Writers that buffer (syslog, several processes) may be a little out of order. */
export const SOURCE_ORDER_TOLERANCE_MS = 2000;
/** Reported with their line per source; the rest are counted. */
const LISTED = 5;

export function checkSourceOrder(incidentFile: string, events: readonly CheckEvent[], toleranceMs = SOURCE_ORDER_TOLERANCE_MS): Diagnostic[] {
  const bySource = new Map<string, CheckEvent[]>();
  for (const e of events) {
    if (e.source.file === incidentFile) continue;
    const list = bySource.get(e.source.file) ?? [];
    list.push(e);
    bySource.set(e.source.file, list);
  }
  const problems: Diagnostic[] = [];
  for (const [file, list] of [...bySource.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const inFile = [...list].sort((a, b) => a.source.line - b.source.line);
    let backwards = 0;
    for (let i = 1; i < inFile.length; i++) {
      const prev = inFile[i - 1]!;
      const cur = inFile[i]!;
      if (cur.at >= prev.at - toleranceMs) continue;
      if (++backwards > LISTED) continue;
      problems.push({
        level: 'warning',
        file,
        line: cur.source.line,
        column: 1,
        rule: 'check/source-order',
        message: `line ${cur.source.line} is ${span(prev.at - cur.at)} earlier than line ${prev.source.line} (${isoTime(cur.at)} after ${isoTime(prev.at)}): events out of order in one source`,
      });
    }
    if (backwards > LISTED) {
      problems.push({
        level: 'warning',
        file,
        line: 0,
        column: 0,
        rule: 'check/source-order',
        message: `${backwards} lines go backwards in time in this source (first ${LISTED} listed)`,
      });
    }
  }
  return problems;
}

function isoTime(ms: number): string {
  return new Date(Math.floor(ms)).toISOString().replace('.000Z', 'Z');
}

function span(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s}s`;
  const m = Math.round(s / 60);
  if (m < 120) return `${m}min`;
  const h = Math.round(m / 60);
  return h < 48 ? `${h}h` : `${Math.round(h / 24)}d`;
}
