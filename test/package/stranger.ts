/**
 * A stranger's machine for the package test: commands run with an environment that holds
 * nothing of this checkout (no npm_* variables of the `npm test` around us, no
 * node_modules/.bin of the repo on PATH), and a failing command shows its output.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '..', '..');

export function strangerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) || k === 'INIT_CWD' || k === 'NODE_OPTIONS') continue;
    env[k] = v;
  }
  env['PATH'] = (process.env['PATH'] ?? '')
    .split(path.delimiter)
    .filter((p) => !p.startsWith(REPO))
    .join(path.delimiter);
  env['npm_config_update_notifier'] = 'false';
  env['npm_config_fund'] = 'false';
  env['npm_config_audit'] = 'false';
  return env;
}

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command with pipes for stdout and stderr (as in CI), never throwing. */
export function run(cmd: string, args: string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: { ...strangerEnv(), ...extraEnv }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Like run, but a non-zero exit fails with the command's output. */
export async function ok(cmd: string, args: string[], cwd: string): Promise<Ran> {
  const r = await run(cmd, args, cwd);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}
