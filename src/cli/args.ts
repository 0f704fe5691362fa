/**
 * Command-line parsing over node:util parseArgs: strict (unknown flags are errors
 * with a "did you mean" hint), typed, and every command declares its help text.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { suggest } from '../suggest.js';

export { suggest };

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
  constructor(
    message: string,
    readonly command?: CommandSpec,
  ) {
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

export function str(v: Parsed['values'][string]): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
