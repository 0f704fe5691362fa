/**
 * Command-line parsing over node:util parseArgs: strict (unknown flags are errors
 * with a "did you mean" hint), typed, and every command declares its help text.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type OptionSpec = {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Shown in --help, e.g. `--date D   incident date (default: today)`. */
  help: string;
  arg?: string;
};

export interface CommandSpec {
  name: string;
  usage: string;
  summary: string;
  options: Record<string, OptionSpec>;
}

/** Exit code 2: wrong usage. */
export class UsageError extends Error {
  constructor(message: string, readonly command?: CommandSpec) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export function parseCommand(spec: CommandSpec, argv: string[]): Parsed {
  const options: ParseArgsConfig['options'] = { help: { type: 'boolean', short: 'h' } };
  for (const [name, o] of Object.entries(spec.options)) {
    options[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  }
  try {
    const { values, positionals } = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
    return { values: values as Parsed['values'], positionals };
  } catch (e) {
    const err = e as Error & { code?: string };
    const flag = /'([^']+)'/.exec(err.message)?.[1] ?? '';
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const hint = suggest(flag.replace(/^-+/, ''), Object.keys(spec.options));
      throw new UsageError(`unknown option ${flag}${hint ? `; did you mean --${hint}?` : ''}`, spec);
    }
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(err.message.replace(/^.*?Option/, 'option').split('\n')[0] ?? err.message, spec);
    }
    throw new UsageError(err.message, spec);
  }
}

export function helpText(spec: CommandSpec): string {
  const rows = Object.entries(spec.options).map(([name, o]) => {
    const left = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.arg ?? 'VALUE'}` : ''}`;
    return `  ${left.padEnd(28)} ${o.help}`;
  });
  rows.push(`  ${'-h, --help'.padEnd(28)} show this help`);
  return `Usage: ${spec.usage}\n\n${spec.summary}\n\nOptions:\n${rows.join('\n')}\n`;
}

/** The closest known name within an edit distance of 2, if any. */
export function suggest(input: string, names: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = 3;
  for (const name of names) {
    const d = distance(input, name);
    if (d < bestD || (name.startsWith(input) && input.length >= 2 && bestD > 1)) {
      best = name;
      bestD = Math.min(d, bestD);
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

export function str(v: Parsed['values'][string]): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
