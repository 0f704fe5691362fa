/**
 * Runs the built `pm` on a site as a user would: `pm build` / `pm check` to their exit, and
 * `pm serve` until it serves (its first page fetched), then Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { CLI } from '../build/cli-helpers.js';

export interface Ran {
  code: number | null;
  out: string;
}

/** `pm ARGS` in `cwd`: exit code and stdout + stderr. */
export function pm(args: readonly string[], cwd: string): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

/** `pm serve --port 0` in `cwd`: what it printed until it served, the first page's HTML, then its exit code after Ctrl-C. */
export function serveOnce(cwd: string, timeoutMs = 60_000): Promise<Ran & { page: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let page = '';
    let asked = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const seen = (b: Buffer): void => {
      out += b.toString();
      const url = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1];
      if (!url || asked) return;
      asked = true;
      fetch(url)
        .then((r) => r.text())
        .then((t) => (page = t))
        .catch((e: unknown) => (page = `fetch failed: ${String(e)}`))
        .finally(() => child.kill('SIGINT'));
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, page });
    });
  });
}
