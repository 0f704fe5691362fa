/**
 * Theme files: layouts/*.hbs, partials/*.hbs and assets/*. A site's theme folder
 * overrides any single file; the rest falls back to pm's default theme. Loading is
 * a read-phase step (disk); everything after works on the returned value.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface ThemeFiles {
  layouts: Record<string, string>;
  partials: Record<string, string>;
  /** Asset path (relative to assets/) → bytes. */
  assets: Record<string, Buffer>;
  /** Hash of every file: part of the cache key of rendered output. */
  hash: string;
}

const KINDS = ['layouts', 'partials', 'assets'] as const;

/** Reads `dirs` in order; the first folder holding a file wins. */
export function loadTheme(dirs: readonly string[]): ThemeFiles {
  const theme: ThemeFiles = { layouts: {}, partials: {}, assets: {}, hash: '' };
  const hash = createHash('sha256');
  for (const dir of [...dirs].reverse()) {
    if (!existsSync(dir)) continue;
    for (const kind of KINDS) {
      for (const rel of listFiles(path.join(dir, kind))) {
        const bytes = readFileSync(path.join(dir, kind, rel));
        if (kind === 'assets') theme.assets[rel] = bytes;
        else theme[kind][rel.replace(/\.(hbs|handlebars)$/, '')] = bytes.toString('utf8');
      }
    }
  }
  for (const kind of KINDS) {
    for (const key of Object.keys(theme[kind]).sort()) {
      hash.update(`${kind}/${key}\0`).update(theme[kind][key] as string | Buffer).update('\0');
    }
  }
  // Other theme folders (embed/ …) are read by their own outputs; they still key the cache.
  for (const dir of dirs) {
    for (const extra of existsSync(dir) ? readdirSync(dir).sort() : []) {
      if ((KINDS as readonly string[]).includes(extra) || !statSync(path.join(dir, extra)).isDirectory()) continue;
      for (const rel of listFiles(path.join(dir, extra))) {
        hash.update(`${dirs.indexOf(dir)}\0${extra}/${rel}\0`).update(readFileSync(path.join(dir, extra, rel))).update('\0');
      }
    }
  }
  theme.hash = hash.digest('hex').slice(0, 16);
  return theme;
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full, `${prefix}${name}/`));
    else out.push(`${prefix}${name}`);
  }
  return out;
}
