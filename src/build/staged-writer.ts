/**
 * `pm build`'s writer: everything goes into a fresh staging folder beside the output;
 * on commit, unchanged files are hard-linked from the current output and the staging
 * folder is swapped in whole (write/staging.ts), so the output is always one build's.
 */
import { readStagedOrOut } from '../outputs/search/site-search.js';
import { stampId } from '../write/out-guard.js';
import { commitStaging, createStaging, DirSink, discardStaging, linkUnchanged } from '../write/staging.js';
import type { Page } from '../render/types.js';
import type { Writer } from './writers.js';

export class StagedWriter implements Writer {
  readonly dir: string;
  readonly keepGoing = false;
  readonly warnings: string[];
  private readonly sink: DirSink;
  private readonly reader: (file: string) => Buffer | null;

  constructor(
    readonly out: string,
    readonly search: boolean,
  ) {
    const { staging, warnings } = createStaging(out);
    this.dir = staging;
    this.warnings = warnings;
    this.sink = new DirSink(staging);
    this.reader = readStagedOrOut(staging, out);
  }

  stamp(): string {
    return stampId(this.out);
  }

  put(pages: readonly Page[]): void {
    this.sink.put(pages);
  }

  read(file: string): Buffer | null {
    return this.reader(file);
  }

  commit(all: readonly string[], _gone: readonly string[], incremental: boolean): boolean {
    if (incremental && !linkUnchanged(this.out, this.dir, all)) return false;
    commitStaging(this.dir, this.out);
    return true;
  }

  discard(): void {
    discardStaging(this.dir);
  }
}
