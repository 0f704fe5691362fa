/**
 * Files published as they are: every file of a bundle folder (`posts/<name>/index.md` and
 * what sits beside it) but its index.md and its log `sources`, beside the incident's page
 * so relative links and images keep working; and the site's `static/` folder, copied into
 * the output root (Hugo's `static/`, Eleventy's passthrough copy).
 *
 * pm's own outputs take no second place: a copy that would land where pm writes a page, or
 * where another copy lands, is an error naming both (`site/asset-collision`).
 */
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { UrlPatterns } from '../config/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { hash } from '../build/store/cache.js';
import { fileForUrl, fillPattern } from '../outputs/urls.js';
import { walkFiles, type FoundFile } from './walk.js';

export interface Copy {
  /** Output path, relative to the output folder (POSIX). */
  path: string;
  /** Real path of the file to copy (inside the site root). */
  from: string;
  /** The file as the site names it, relative to the root (for diagnostics). */
  site: string;
  /** Changes whenever the file's path, size or mtime does (kept in the build cache). */
  hash: string;
}

/** What the copies need of an incident: its file, slug, whether it is published, the logs it read. */
export interface CopyOwner {
  file: string;
  slug: string;
  published: boolean;
  /** Absolute paths of the log sources read: never published. */
  sources: readonly string[];
}

export interface CopySite {
  root: string;
  postsDir: string;
  urls: UrlPatterns;
}

const INDEX = /\/index\.(md|markdown)$/;

/** Every copy of the site, in a stable order, with the problems found on the way; `withStatic: false`: the bundles' only. */
export function siteCopies(site: CopySite, owners: readonly CopyOwner[], withStatic = true): { copies: Copy[]; diagnostics: Diagnostic[] } {
  const copies: Copy[] = [];
  const diagnostics: Diagnostic[] = [];
  const add = (files: FoundFile[], prefix: string): void => {
    for (const f of files)
      copies.push({ path: prefix + f.rel, from: f.real, site: f.site, hash: `asset:${hash(`${f.site}\0${f.real}\0${f.size}\0${f.mtimeMs}`)}` });
  };
  const staticDir = path.join(site.root, 'static');
  if (withStatic && existsSync(staticDir)) {
    const found = walkFiles(site.root, staticDir);
    add(found.files, '');
    diagnostics.push(...found.diagnostics);
  }
  const postsRel = path.relative(site.root, site.postsDir).split(path.sep).join('/');
  for (const owner of owners) {
    if (!owner.published || !INDEX.test(`/${owner.file}`)) continue;
    const folder = path.posix.dirname(owner.file);
    if (folder === (postsRel || '.')) continue; // posts/index.md is a single-file incident
    const abs = path.join(site.root, folder);
    const exclude = new Set([path.join(site.root, owner.file), ...owner.sources]);
    const found = walkFiles(site.root, abs, { skipDot: true, exclude });
    const dir = path.posix.dirname(fileForUrl(fillPattern(site.urls.incident, { slug: owner.slug })));
    add(found.files, dir === '.' ? '' : `${dir}/`);
    diagnostics.push(...found.diagnostics);
  }
  return { copies, diagnostics };
}

/** Copies that would land on one of pm's outputs, or on each other. */
export function copyCollisions(copies: readonly Copy[], outputs: ReadonlySet<string>): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const taken = new Map<string, string>();
  for (const c of copies) {
    const other = taken.get(c.path);
    const why = outputs.has(c.path) ? `pm writes ${c.path} itself` : other ? `${other} is published there too` : null;
    if (why) {
      problems.push({
        level: 'error',
        file: c.site,
        line: 0,
        column: 0,
        rule: 'site/asset-collision',
        message: `cannot be published at ${c.path}: ${why}; rename or move the file`,
      });
    } else taken.set(c.path, c.site);
  }
  return problems;
}

/** The bytes of a copy, read without following a link or blocking on a FIFO swapped in since the listing. */
export function readCopy(copy: Copy): Buffer {
  const fd = openSync(copy.from, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  try {
    if (!fstatSync(fd).isFile()) throw new Error(`${copy.site} is no longer a regular file; build again`);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
