/**
 * The diagnostic for a log source that is not read at all: missing, outside the site
 * folder, or not a regular file (a named pipe would hang the build). The message names
 * the path the author wrote, never anything of the file it points to.
 */
import type { Confined } from '../load/confine.js';
import type { RuleAt } from '../diagnostics.js';
import { unreadableMessage } from '../load/unreadable.js';

export interface SourceProblem {
  rule: RuleAt<'error'>;
  message: string;
}

/** `written`: the path as in front-matter or on the command line; `file`: relative to the site root. */
export function sourceProblem(written: string, file: string, where: Exclude<Confined, { ok: true }>, cli: boolean): SourceProblem {
  const name = `source "${written}"`;
  switch (where.problem) {
    case 'missing':
      return {
        rule: 'source/missing',
        message: cli ? `${name} does not exist` : `${name} does not exist (looked for ${file}); paths are relative to the incident file`,
      };
    case 'outside':
      return {
        rule: 'source/outside',
        message:
          `${name} is ${where.what}: a post may only read logs inside its site. ` +
          'Copy the log into the site (next to the post), or name it on the command line: pm timeline FILE --source LOG',
      };
    case 'special':
      return { rule: 'source/unreadable', message: `${name} is ${where.what}, not a log file: pm reads only regular files` };
    default:
      return { rule: 'source/unreadable', message: unreadableMessage(name, { code: where.what }) };
  }
}
