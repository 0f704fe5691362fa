/** The CLI's view of the world, injectable for tests: streams, terminal-ness, clock. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
  /** True when stderr is a terminal (progress output). */
  errIsTTY: boolean;
  /** Width of stdout when it is a terminal; absent when piped (tables then keep full text). */
  columns?: number;
  stdin: NodeJS.ReadableStream;
  stderr: NodeJS.WritableStream;
  now(): number;
  env: Record<string, string | undefined>;
}

export function processIO(): CliIO {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    isTTY: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    errIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    stdin: process.stdin,
    stderr: process.stderr,
    now: () => Date.now(),
    env: process.env,
  };
}
