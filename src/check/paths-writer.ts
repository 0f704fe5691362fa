/**
 * The writer of an incremental `pm check` (pm serve's background check): it writes no page,
 * only a stamp in its folder, so the engine's store can say "this folder's last run" and the
 * next run examines only what changed. What the output holds is the engine's state (every
 * incident's page paths and the site's), which check/dead-link is checked against.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { stampId, writeStamp } from '../write/out-guard.js';
import type { Writer } from '../build/writers.js';

export class PathsWriter implements Writer {
  readonly dir = null; // pages come back to this process: the check's rules see each incident
  readonly search = false;
  readonly keepGoing = true;
  readonly warnings: string[] = [];

  constructor(readonly out: string) {}

  stamp(): string {
    return stampId(this.out);
  }

  begin(incremental: boolean): void {
    if (incremental) return;
    rmSync(this.out, { recursive: true, force: true });
    mkdirSync(this.out, { recursive: true });
    writeStamp(this.out);
  }

  put(): void {
    // paths only: the engine's state lists them
  }

  read(): null {
    return null;
  }

  commit(): boolean {
    return true;
  }

  discard(): void {
    // nothing written
  }
}
