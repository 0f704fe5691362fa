/**
 * `Diagnostic.rule` and the Reporter's methods take only registered rule ids, at a level
 * the registry allows: a contributor who reports an unregistered id, or a rule at a level
 * it does not have, gets a compile error. Checked by compiling snippets against src/ with
 * the TypeScript compiler and the project's own tsconfig.
 */
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const HEAD = "import { Reporter, type Diagnostic } from './diagnostics.js';\nconst r = new Reporter('posts/x.md');\n";

const SNIPPETS = {
  allowed: `${HEAD}
r.error('frontmatter/date', 'm');
r.warn('timeline/rollover', 'm');
r.info('timeline/rollover', 'm');
r.error('timeline/relative', 'm');
export const d: Diagnostic = { level: 'warning', file: 'x', line: 0, column: 0, rule: 'site/empty', message: 'm' };
`,
  unregistered: `${HEAD}
r.warn('site/duplicate-slugs', 'm');
export const d: Diagnostic = { level: 'error', file: 'x', line: 0, column: 0, rule: 'timeline/typo', message: 'm' };
`,
  wrongLevel: `${HEAD}
r.info('frontmatter/date', 'm');
r.error('check/placeholder', 'm');
r.warn('timeline/relative', 'm');
`,
};
type Name = keyof typeof SNIPPETS;
const fileOf = (name: Name): string => path.join(REPO, 'src', `__rule-types-${name}__.ts`);

/** The compile errors of each snippet, as if it were a module in src/ (held in memory, never written). */
function compile(): Record<Name, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(REPO, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error('tsconfig.json could not be read');
  const names = Object.keys(SNIPPETS) as Name[];
  const virtual = new Map(names.map((n) => [fileOf(n), SNIPPETS[n]]));
  const options = { ...config.options, noEmit: true };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => {
    const code = virtual.get(name);
    return code === undefined ? getSourceFile(name, lang, ...rest) : ts.createSourceFile(name, code, lang);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => virtual.has(name) || fileExists(name);
  const program = ts.createProgram([...virtual.keys()], options, host);
  const errorsIn = (n: Name): string[] =>
    ts.getPreEmitDiagnostics(program, program.getSourceFile(fileOf(n))).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0] ?? '');
  return { allowed: errorsIn('allowed'), unregistered: errorsIn('unregistered'), wrongLevel: errorsIn('wrongLevel') };
}

describe('rule ids are checked by the compiler', () => {
  let errors: Record<Name, string[]>;
  beforeAll(() => {
    errors = compile();
  }, 60_000);

  it('accepts registered rules at their levels (the default and the allowed others)', () => {
    expect(errors.allowed).toEqual([]);
  });

  it('rejects an id that is not registered, in a Diagnostic and in a Reporter call', () => {
    expect(errors.unregistered).toEqual([expect.stringContaining('"site/duplicate-slugs"'), expect.stringContaining('"timeline/typo"')]);
  });

  it('rejects a rule reported at a level the registry does not give it', () => {
    expect(errors.wrongLevel).toEqual([
      expect.stringContaining('"frontmatter/date"'),
      expect.stringContaining('"check/placeholder"'),
      expect.stringContaining('"timeline/relative"'),
    ]);
  });
});
