/** `pm import jekyll|hugo DIR`: a blog's posts into posts/ as bundles, never overwriting. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, resolveConfig } from '../../config/resolve.js';
import { sortDiagnostics } from '../../diagnostics.js';
import { hugo, jekyll } from '../../import/kinds.js';
import { importBlog } from '../../import/run.js';
import type { BlogKind } from '../../import/types.js';
import { parseCommand, str, UsageError } from '../args.js';
import { importSpec } from '../specs.js';
import type { CliIO } from '../io.js';
import { printDiagnostics } from '../report.js';

const KINDS: Record<string, BlogKind> = { jekyll, hugo };

export async function runImport(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommand(importSpec, argv);
  const [kindName, dir, ...extra] = positionals;
  const kind = kindName === undefined ? undefined : KINDS[kindName];
  if (!kind || !Object.hasOwn(KINDS, kindName ?? ''))
    throw new UsageError(`say which blog engine: pm import jekyll DIR or pm import hugo DIR${kindName ? ` (not "${kindName}")` : ''}`, importSpec);
  if (!dir || extra.length)
    throw new UsageError(
      `pm import ${kind.name} takes one folder: the blog's source (the one holding ${kind.name === 'jekyll' ? '_posts/' : 'content/'})`,
      importSpec,
    );
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new UsageError(`${dir}: no such folder`, importSpec);
  const root = path.resolve(str(values['root']) ?? '.');
  const loaded = loadConfig(root);
  const config = resolveConfig(loaded.config, { root }, loaded.file);
  const tag = str(values['tag']);
  const result = importBlog({ kind, dir, postsDir: config.postsDir, root, ...(tag !== undefined ? { tag } : {}) });
  const shownDir = path.relative(process.cwd(), path.resolve(dir)).split(path.sep).join('/') || '.';
  const diagnostics = sortDiagnostics(result.diagnostics.map((d) => ({ ...d, file: `${shownDir}/${d.file}` })));
  printDiagnostics(diagnostics, io, 'warning');
  for (const w of result.written) io.out(`${w}\n`);
  for (const k of result.kept) io.err(`kept ${k}: already there, pm import never overwrites\n`);
  const filtered = result.skipped ? `, ${result.skipped} without the tag "${tag ?? ''}" left out` : '';
  const problems = diagnostics.filter((d) => d.level !== 'info').length;
  io.err(
    `pm import: ${result.written.length} post(s) imported from ${shownDir}, ${result.kept.length} kept${filtered}${problems ? `, ${problems} thing(s) to look at above` : ''}\n`,
  );
  return diagnostics.some((d) => d.level === 'error') ? 1 : 0;
}
