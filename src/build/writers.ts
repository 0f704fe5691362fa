/**
 * Where the engine's pages go. One interface, three writers:
 *
 *   MemoryWriter   `buildSite({ write: false })`, `pm check`: pages kept (or only their paths)
 *   StagedWriter   `pm build`: a new folder beside the output, swapped in whole (staged-writer.ts)
 *   FolderWriter   `pm serve`: its private folder, written in place file by file (folder-writer.ts)
 *
 * The engine renders; the writer decides what "written" means and whether the last
 * output can be reused (its stamp, recorded in the cache).
 */
import type { Page } from '../render/types.js';

export interface Writer {
  /** The output folder the cache describes; null for a writer that keeps nothing on disk. */
  readonly out: string | null;
  /** The folder worker processes write pages into; null: pages come back to this process. */
  readonly dir: string | null;
  /** Whether this output carries a search index. */
  readonly search: boolean;
  /** Render the site-wide pages even when an incident has an error (nothing on disk to protect). */
  readonly keepGoing: boolean;
  /** Problems met setting up (what recovery left alone), reported as warnings. */
  readonly warnings: string[];
  /** Identity of the current output (out-guard.ts stampId): the cache's must match it to build incrementally. */
  stamp(): string;
  /** Called once the engine knows whether the last output is reused (a writer in place clears it when not). */
  begin?(incremental: boolean): void;
  put(pages: readonly Page[]): void;
  /** A page of this build, else of the last output (for the search index); null when neither has it. */
  read(file: string): string | Buffer | null;
  /**
   * Makes this build the output. `all`: every path of the new output; `gone`: paths of the
   * last output that it no longer has. False when a file the cache promised is missing
   * (the caller builds in full instead).
   */
  commit(all: readonly string[], gone: readonly string[], incremental: boolean): boolean;
  /** Throws away what was written (a build that failed or was stopped). */
  discard(): void;
}

/** Pages in memory, by path; `keep: false` records paths only (`pm check`). */
export class MemoryWriter implements Writer {
  readonly out = null;
  readonly dir = null;
  readonly keepGoing = true;
  readonly warnings: string[] = [];
  readonly pages = new Map<string, Page>();
  constructor(
    readonly search: boolean,
    private readonly keep = true,
  ) {}

  stamp(): string {
    return '';
  }

  put(pages: readonly Page[]): void {
    for (const p of pages) this.pages.set(p.path, this.keep ? p : { path: p.path, contents: '' });
  }

  read(file: string): string | Buffer | null {
    return this.pages.get(file)?.contents ?? null;
  }

  commit(): boolean {
    return true;
  }

  discard(): void {
    this.pages.clear();
  }

  /** Every page, sorted by path. */
  sorted(): Page[] {
    return [...this.pages.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}
