/**
 * `pm serve`'s writer: pages go straight into a private folder, in place, one file at a
 * time (renamed over the old one, so a reader never sees half a page). The folder is
 * cleared and stamped when a run cannot reuse it (`begin(false)`), so it only ever holds
 * what this user's pm wrote: the cache records the stamp, authenticated, and a folder
 * whose stamp differs is never reused (a `.pm-cache/` committed to the site is not).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stampId, writeStamp } from '../write/out-guard.js';
import { DirSink } from '../write/staging.js';
import type { Page } from '../render/types.js';
import type { Writer } from './writers.js';

export class FolderWriter implements Writer {
  readonly dir: string;
  readonly search = false; // a dev server indexes nothing: search is for the published site
  readonly keepGoing = true; // the browser shows the errors over the pages
  readonly warnings: string[] = [];
  private sink: DirSink;

  constructor(readonly out: string) {
    this.dir = out;
    this.sink = new DirSink(out);
  }

  stamp(): string {
    return stampId(this.out);
  }

  begin(incremental: boolean): void {
    if (incremental) return;
    rmSync(this.out, { recursive: true, force: true });
    mkdirSync(this.out, { recursive: true });
    writeStamp(this.out);
    this.sink = new DirSink(this.out);
  }

  put(pages: readonly Page[]): void {
    for (const page of pages) {
      const target = this.file(page.path);
      this.sink.folder(path.dirname(target));
      const tmp = `${target}.pm-tmp`;
      writeFileSync(tmp, page.contents);
      renameSync(tmp, target);
    }
  }

  read(file: string): Buffer | null {
    try {
      return readFileSync(this.file(file));
    } catch {
      return null;
    }
  }

  /** Deletes what the new output no longer has. */
  remove(paths: Iterable<string>): void {
    for (const p of paths) {
      try {
        unlinkSync(this.file(p));
      } catch {
        // gone already
      }
    }
  }

  commit(_all: readonly string[], gone: readonly string[]): boolean {
    this.remove(gone);
    return true;
  }

  discard(): void {
    // written in place: what is there stays until the next run replaces it
  }

  private file(p: string): string {
    return path.join(this.out, ...p.split('/'));
  }
}
