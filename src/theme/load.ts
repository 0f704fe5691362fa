/**
 * Theme files: layouts/*.hbs, partials/*.hbs and assets/*. A site's theme folder
 * overrides any single file; the rest falls back to pm's default theme. Loading is
 * a read-phase step (disk); everything after works on the returned value.
 *
 * A site's theme folders are untrusted: `loadSiteTheme` reads only regular files that
 * resolve (after links) inside the site root, and reports the others (walk.ts). Folders
 * outside the root (pm's own theme, a `--theme` typed by the user) are not fenced.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isInside } from '../load/confine.js';
import type { Diagnostic } from '../diagnostics.js';
import { check, listThemeFiles, refuse, type Fence, type ThemeFile } from './walk.js';

export interface ThemeFiles {
  layouts: Record<string, string>;
  partials: Record<string, string>;
  /** Asset path (relative to assets/) → bytes. */
  assets: Record<string, Buffer>;
  /** Hash of every file: part of the cache key of rendered output. */
  hash: string;
}

const KINDS = ['layouts', 'partials', 'assets'] as const;

/*
 * `theme:` in pm.config.yaml names a folder under `themes/`. The config is site content,
 * so the name is one plain folder name: no slash, backslash, `..` or absolute path can make a
 * build read a theme from elsewhere on the machine.
 */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Why `value` is not a theme name, or null when it is one. */
export function themeNameProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'expected a string';
  if (NAME.test(value) && !value.includes('..')) return null;
  return `${JSON.stringify(value)} is not a folder name under themes/: use letters, digits, ".", "_" and "-" (no slash, backslash or "..")`;
}

/** Reads `dirs` in order without a fence (pm's own theme); the first folder holding a file wins. */
export function loadTheme(dirs: readonly string[]): ThemeFiles {
  return loadSiteTheme(dirs).theme;
}

/**
 * Reads `dirs` in order; the first folder holding a file wins. With `root`, folders
 * inside it are fenced to it; what is refused comes back as diagnostics.
 */
export function loadSiteTheme(dirs: readonly string[], root?: string): { theme: ThemeFiles; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const fenceOf = (dir: string): Fence | null => (root !== undefined && isInside(path.resolve(root), path.resolve(dir)) ? { root, diagnostics } : null);
  const usable = (dir: string): boolean => {
    const found = check(fenceOf(dir), dir);
    if (found.ok) return found.kind === 'dir';
    if (found.problem !== 'missing') refuse(fenceOf(dir), dir, found, 'theme folder');
    return false;
  };
  const folders = dirs.filter(usable);
  const theme: ThemeFiles = { layouts: {}, partials: {}, assets: {}, hash: '' };
  const hash = createHash('sha256');
  for (const dir of [...folders].reverse()) {
    for (const kind of KINDS) {
      for (const file of listThemeFiles(path.join(dir, kind), fenceOf(dir))) {
        const bytes = readChecked(file, path.join(dir, kind), fenceOf(dir));
        if (bytes === null) continue;
        if (kind === 'assets') theme.assets[file.rel] = bytes;
        else theme[kind][file.rel.replace(/\.(hbs|handlebars)$/, '')] = bytes.toString('utf8');
      }
    }
  }
  for (const kind of KINDS) {
    for (const key of Object.keys(theme[kind]).sort()) {
      hash
        .update(`${kind}/${key}\0`)
        .update(theme[kind][key] as string | Buffer)
        .update('\0');
    }
  }
  // Other theme folders (embed/ …) are read by their own outputs; they still key the cache.
  for (const dir of folders) {
    const others = new Map<string, ThemeFile>();
    for (const file of listThemeFiles(dir, fenceOf(dir))) {
      const top = file.rel.split('/')[0]!;
      if (file.rel.includes('/') && !(KINDS as readonly string[]).includes(top)) others.set(file.rel, file);
    }
    for (const [rel, file] of others) {
      hash
        .update(`${dirs.indexOf(dir)}\0${rel}\0`)
        .update(readChecked(file, dir, fenceOf(dir)) ?? '')
        .update('\0');
    }
  }
  theme.hash = hash.digest('hex').slice(0, 16);
  return { theme, diagnostics: dedupe(diagnostics) };
}

/** The file's bytes; null (and a diagnostic) when it cannot be read after all (EACCES…). */
function readChecked(file: ThemeFile, under: string, fence: Fence | null): Buffer | null {
  try {
    return readFileSync(file.real);
  } catch (err) {
    const what = (err as { code?: string }).code ?? 'error';
    refuse(fence, path.join(under, file.rel), { ok: false, problem: 'unreadable', what }, 'theme file');
    if (!fence) throw err; // pm's own theme is broken: not the site's fault
    return null;
  }
}

/** A refused file is met twice (its kind's folder, then the whole theme walk): report it once. */
function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.file}\0${d.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
