/** What `pm import` works with: one post of a blog, and what became of it. */
import type { Diagnostic } from '../diagnostics.js';

/** A post found in the blog, before it is read. */
export interface BlogPost {
  /** Absolute path of the markdown file (inside the blog folder, after links). */
  file: string;
  /** Relative to the blog folder, POSIX separators: what reports name. */
  rel: string;
  /** Name the file or its bundle folder gives: `2018-11-13-outage`, `outage`. */
  name: string;
  /** Folder whose other files belong to the post (a Hugo page bundle), else null. */
  bundleDir: string | null;
}

/** How a blog's layout answers the questions the importer asks. */
export interface BlogKind {
  name: 'jekyll' | 'hugo';
  /** Every post of the blog (markdown files), sorted. */
  posts(dir: string): BlogPost[];
  /** Folders a root-absolute image URL (`/images/x.png`) may be in, first match wins. */
  staticRoots(dir: string): string[];
}

export interface ImportResult {
  /** `posts/<date>-<slug>/index.md` written, relative to the site root. */
  written: string[];
  /** Posts not written because their bundle (or a same-named post) is already there. */
  kept: string[];
  /** Posts left out by `--tag`. */
  skipped: number;
  /** Problems and what could not be carried over, at `file:line:col` of the blog's files. */
  diagnostics: Diagnostic[];
}
