/** The CLI's view of the world, injectable for tests: streams, terminal-ness, clock. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
  /** True when stderr is a terminal (progress output). */
  errIsTTY: boolean;
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
    stdin: process.stdin,
    stderr: process.stderr,
    now: () => Date.now(),
    env: process.env,
  };
}
