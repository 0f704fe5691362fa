/**
 * The embed's theme files, looked up like every theme file: the site's theme folders
 * first, pm's default theme last; the first folder holding a file wins.
 *
 *   embed/timeline.css    styles shared by the embed page and the <pm-timeline> element
 *   embed/embed.js        the embed page's inline script (height messages, #fragment theming)
 *   embed/pm-timeline.js  the custom element; the build puts the stylesheet into it
 *
 * Read once per build (cached per site context), so `pm serve` sees edits on rebuild.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_THEME_DIR } from '../../config/resolve.js';
import { confine, isInside } from '../../load/confine.js';
import type { SiteContext } from '../../render/context.js';
import { zoneLabelTable } from '../../time/zone-labels.js';

export interface EmbedFiles {
  css: string;
  script: string;
  element: string;
}

export const EMBED_FILES: Record<keyof EmbedFiles, string> = {
  css: 'embed/timeline.css',
  script: 'embed/embed.js',
  element: 'embed/pm-timeline.js',
};

/**
 * Reads one theme file from the first of `dirs` that has it; pm's default theme last.
 * With the site `root`, a site folder's file counts only when it resolves (after links)
 * inside the root and is a regular file (the theme loader reports the others).
 */
export function readThemeFile(dirs: readonly string[], rel: string, root?: string): string {
  const all = [...new Set([...dirs, DEFAULT_THEME_DIR])];
  for (const dir of all) {
    const fenced = root !== undefined && dir !== DEFAULT_THEME_DIR && isInside(path.resolve(root), path.resolve(dir));
    const found = confine(fenced ? root : dir, path.join(dir, rel), { anywhere: !fenced });
    if (found.ok && found.kind === 'file') return readFileSync(found.real, 'utf8');
  }
  throw new Error(`theme has no ${rel} (looked in ${all.join(', ')})`);
}

/** Drops comments and runs of white space (the stylesheet is inlined into every embed). */
export function compactCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .trim();
}

export function loadEmbedFiles(dirs: readonly string[], root?: string): EmbedFiles {
  return {
    css: compactCss(readThemeFile(dirs, EMBED_FILES.css, root)),
    script: readThemeFile(dirs, EMBED_FILES.script, root),
    element: readThemeFile(dirs, EMBED_FILES.element, root),
  };
}

const cache = new WeakMap<SiteContext, EmbedFiles>();

/** The embed files of one build. */
export function embedFilesFor(site: SiteContext): EmbedFiles {
  let files = cache.get(site);
  if (!files) {
    files = loadEmbedFiles(site.config.themeDirs, site.config.root);
    cache.set(site, files);
  }
  return files;
}

/**
 * The element as published: its `/*pm:css*\/""` placeholder replaced by the stylesheet
 * (a JSON string literal, so no character of the CSS can end the string), and its
 * `/*pm:zones*\/{}` by pm's zone-label table (time/zone-labels.ts), so it labels zones as
 * the site and the CLI do.
 */
export function buildElementScript(files: EmbedFiles): string {
  const literal = JSON.stringify(files.css)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const zones = JSON.stringify(zoneLabelTable());
  return files.element.replace('/*pm:css*/""', () => literal).replace('/*pm:zones*/{}', () => zones);
}
