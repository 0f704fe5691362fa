/**
 * `check/action-owner`: an open action item names who owns it.
 * `check/action-overdue`: an open action item due before `--today` (only when a day is
 * given: the output never depends on the clock unless asked).
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Incident } from '../incident/types.js';

const SHOWN = 60;

export function checkActions(incident: Incident, today: string | null): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const a of incident.actions) {
    if (a.done) continue;
    const where = { file: incident.file, line: a.line, column: a.column };
    const what = quote(a.text);
    if (!a.owner) {
      problems.push({
        level: 'warning',
        ...where,
        rule: 'check/action-owner',
        message: `action item ${what} has no owner: write "- [ ] name: what to do (due YYYY-MM-DD)"`,
      });
    }
    if (today && a.due && a.due < today) {
      problems.push({
        level: 'warning',
        ...where,
        rule: 'check/action-overdue',
        message: `action item ${what}${a.owner ? ` (${a.owner})` : ''} was due ${a.due} and is still open on ${today}`,
      });
    }
  }
  return problems;
}

function quote(text: string): string {
  const short = text.length > SHOWN ? `${text.slice(0, SHOWN - 1)}…` : text;
  return `"${short}"`;
}

/** `YYYY-MM-DD` that names a real day, else null. */
export function readDay(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? text : null;
}
