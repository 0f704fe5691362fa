/**
 * `--jobs N` / `PM_JOBS=N`: how many worker processes a build may use. The default is one
 * per core (`os.availableParallelism()`); the flag wins over the variable.
 */
import { UsageError, type CommandSpec } from './args.js';

export function readJobs(flag: string | undefined, env: string | undefined, spec: CommandSpec): number | undefined {
  const [text, name] = flag !== undefined ? [flag, '--jobs'] : [env, 'PM_JOBS'];
  if (text === undefined) return undefined;
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`${name} must be a whole number of worker processes, 1 or more (not "${text}")`, spec);
  }
  return n;
}
