/**
 * Reads a text file that pm looks for by name in the site (`pm.config.yaml`). The site is
 * untrusted: the file is read only when it is a regular file inside the site once links are
 * followed — a named pipe would hang the build, a link out of the site would read another
 * file — and one that cannot be read is a diagnostic of that file, never an exception.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { confine } from './confine.js';
import { unreadable } from './unreadable.js';

export type SiteText = { ok: true; text: string } | { ok: false; problem: Diagnostic };

/** `rel`: relative to the site root, POSIX; `what` names the file in messages ("the config file"). */
export function readSiteText(root: string, rel: string, what: string): SiteText {
  const found = confine(root, path.join(root, rel));
  const fail = (problem: Diagnostic): SiteText => ({ ok: false, problem });
  if (!found.ok) {
    if (found.problem === 'outside') {
      return fail({
        level: 'error',
        file: rel,
        line: 0,
        column: 0,
        rule: 'site/outside',
        message: `${what} is ${found.what}: it is not read; copy it into the site`,
      });
    }
    if (found.problem === 'special') {
      return fail({
        level: 'error',
        file: rel,
        line: 0,
        column: 0,
        rule: 'site/unreadable',
        message: `${what} is ${found.what}, not a file: it is not read; remove it`,
        fatal: true,
      });
    }
    return fail(unreadable(rel, { code: found.what }, what));
  }
  if (found.kind === 'dir') return fail(unreadable(rel, { code: 'EISDIR' }, what));
  try {
    return { ok: true, text: readFileSync(found.real, 'utf8') };
  } catch (e) {
    return fail(unreadable(rel, e, what));
  }
}
