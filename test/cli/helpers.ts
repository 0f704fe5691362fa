import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliIO } from '../../src/cli/io.js';

export interface CapturedIO extends CliIO {
  stdout: string;
  stderrText: string;
}

/** An in-memory CLI environment with a fixed clock. */
export function captureIO(opts: { tty?: boolean; now?: number } = {}): CapturedIO {
  const io: CapturedIO = {
    stdout: '',
    stderrText: '',
    out: (t) => void (io.stdout += t),
    err: (t) => void (io.stderrText += t),
    isTTY: opts.tty ?? false,
    errIsTTY: false,
    stdin: new PassThrough(),
    stderr: new PassThrough(),
    now: () => opts.now ?? Date.UTC(2026, 10, 21, 12, 0, 0),
    env: {},
  };
  return io;
}

export function tempDir(prefix = 'pm-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}
