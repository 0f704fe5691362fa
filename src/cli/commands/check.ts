/** `pm check`: every diagnostic of the site, for authors and CI. */
import { checkSite } from '../../check/site.js';
import { readDay } from '../../check/actions.js';
import type { Diagnostic } from '../../diagnostics.js';
import { parseCommand, str, UsageError } from '../args.js';
import { checkSpec } from '../specs.js';
import type { CliIO } from '../io.js';
import { diagnosticLine } from '../report.js';
import { displayText } from '../../text/controls.js';

const FORMATS = ['text', 'json', 'github'] as const;

export async function runCheck(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommand(checkSpec, argv);
  const format = str(values['format']) ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`, checkSpec);
  }
  const todayText = str(values['today']);
  const today = todayText === undefined ? null : readDay(todayText);
  if (todayText !== undefined && !today) throw new UsageError(`--today must be a day written YYYY-MM-DD, not "${todayText}"`, checkSpec);
  const result = await checkSite({ root: str(values['root']) ?? '.', drafts: true, today });
  const list = result.diagnostics;
  if (format === 'json') io.out(`${JSON.stringify(list, null, 2)}\n`);
  else if (format === 'github') for (const d of list) io.out(`${githubAnnotation(d)}\n`);
  else {
    for (const d of list) io.out(diagnosticLine(d));
    const e = list.filter((d) => d.level === 'error').length;
    const w = list.filter((d) => d.level === 'warning').length;
    io.err(`${count(result.incidents, 'incident')} checked: ${count(e, 'error')}, ${count(w, 'warning')}\n`);
  }
  const failing = list.some((d) => d.level === 'error' || (values['strict'] === true && d.level === 'warning'));
  return failing ? 1 : 0;
}

const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `::error file=…,line=…,col=…,title=rule::message` (GitHub Actions workflow command). */
export function githubAnnotation(d: Diagnostic): string {
  const kind = d.level === 'error' ? 'error' : d.level === 'warning' ? 'warning' : 'notice';
  const prop = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
  const msg = displayText(d.message).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return `::${kind} file=${prop(d.file)},line=${d.line},col=${d.column},title=${prop(d.rule)}::${msg}`;
}
