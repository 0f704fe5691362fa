/** `pm init [DIR]`: scaffolds a site (never overwriting) and prints the next three commands. */
import path from 'node:path';
import { scaffold, type ScaffoldResult } from '../../init/scaffold.js';
import { PACKAGE_NAME } from '../../version.js';
import { parseCommand, str, UsageError } from '../args.js';
import { initSpec } from '../specs.js';
import type { CliIO } from '../io.js';

export async function runInit(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommand(initSpec, argv);
  if (positionals.length > 1) {
    throw new UsageError(`one folder at most, got ${positionals.length}: ${positionals.map(shellWord).join(' ')}`, initSpec);
  }
  const dir = positionals[0] ?? '.';
  const title = str(values['title']);
  if (title !== undefined && !title.trim()) throw new UsageError('--title must not be empty', initSpec);
  let result: ScaffoldResult;
  try {
    result = scaffold(path.resolve(dir), title?.trim());
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    io.err(`pm init: cannot write into ${dir}: ${err.code ?? ''} ${err.message}\nPick a folder you can write to.\n`);
    return 1;
  }
  const shown = (p: string): string => (dir === '.' ? p : path.join(dir, p));
  for (const p of result.created) io.out(`created ${shown(p)}\n`);
  for (const k of result.kept) io.out(`kept    ${shown(k.path)} (${k.reason})\n`);
  // Run through npx (npm sets npm_command=exec), `pm` may not be on PATH: say what works.
  const pm = io.env['npm_command'] === 'exec' ? `npx ${PACKAGE_NAME}` : 'pm';
  const next = [...(dir === '.' ? [] : [`cd ${shellWord(dir)}`]), `${pm} new incident "What happened"`, `${pm} serve`, ...(dir === '.' ? [`${pm} build`] : [])];
  io.out(`\nNext:\n${next.map((c) => `  ${c}\n`).join('')}`);
  return 0;
}

/** A folder name as a POSIX shell reads it back. */
function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
