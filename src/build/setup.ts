/**
 * The first stage of the engine (engine.ts), shared by every caller and worker process:
 *
 *   setupSite()         config, theme, discovery        (disk: read)      here
 *   examineIncident()   read → parse → timeline → render, one incident   examine.ts
 *   renderSite()        site-wide outputs from summaries only             examine.ts
 *
 * This module stays light (no markdown, no templates loaded): a rebuild with nothing
 * to render never loads examine.ts. Writing is the writers' business (writers.ts).
 */
import path from 'node:path';
import { loadConfig, resolveConfig } from '../config/resolve.js';
import type { ConfigOverrides, ResolvedConfig, UserConfig } from '../config/types.js';
import { Reporter, type Diagnostic } from '../diagnostics.js';
import { createRenderer } from '../theme/engine.js';
import { loadSiteTheme, type ThemeFiles } from '../theme/load.js';
import { hashedAssets } from '../render/assets.js';
import { createSiteContext, type SiteContext } from '../render/context.js';
import { discoverIncidents } from '../load/discover.js';
import type { LocalRef } from '../check/local-links.js';
import type { IncidentSummary, Page } from '../render/types.js';

export interface SetupOptions extends ConfigOverrides {
  /** Use this config instead of reading pm.config.yaml from the root. */
  config?: UserConfig;
}

export interface SiteSetup {
  root: string;
  config: ResolvedConfig;
  theme: ThemeFiles;
  site: SiteContext;
  /** Hashed theme assets, written with every build. */
  assets: Page[];
  /** Incident files, relative to the root, sorted. */
  files: string[];
  diagnostics: Diagnostic[];
}

export function setupSite(options: SetupOptions = {}): SiteSetup {
  const root = path.resolve(options.root ?? '.');
  const loaded = options.config ? { config: options.config, file: null, diagnostics: [] } : loadConfig(root);
  const config = resolveConfig(loaded.config, { ...options, root }, loaded.file);
  const { theme, diagnostics: themeProblems } = loadSiteTheme(config.themeDirs, root);
  const assets = hashedAssets(theme);
  const site = createSiteContext(config, createRenderer(theme), assets.names);
  const diagnostics = [...loaded.diagnostics, ...themeProblems];
  const files = discoverIncidents(root, config.postsDir, diagnostics);
  if (files.length === 0) {
    const where = new Reporter(path.relative(root, config.postsDir).split(path.sep).join('/') || '.');
    diagnostics.push(where.warn('site/empty', 'no incidents found: add posts/<date>-<slug>.md or run `pm new incident "Title"`'));
  }
  return { root, config, theme, site, assets: assets.pages, files, diagnostics };
}

export interface IncidentResult {
  file: string;
  slug: string;
  /** Null when the incident is left out (a draft without --drafts, or in --public). */
  summary: IncidentSummary | null;
  pages: Page[];
  diagnostics: Diagnostic[];
  /** Absolute paths of the logs read (their stamps invalidate the cache). */
  sources: string[];
  /** Cache key of the input (see cache.ts). */
  key: string;
  /** The post's local links and images (local-links.ts), checked once the whole site is known. */
  links?: LocalRef[];
}

/** Two incidents may not publish under one slug: the later file is an error. */
/** An incident left out of the site has a null `summary`. */
export function checkSlugs(list: ReadonlyArray<{ file: string; slug: string; summary: unknown }>): Diagnostic[] {
  const seen = new Map<string, string>();
  const problems: Diagnostic[] = [];
  for (const r of list) {
    if (r.summary === null) continue;
    const other = seen.get(r.slug);
    if (other) {
      problems.push({
        level: 'error',
        file: r.file,
        line: 1,
        column: 1,
        rule: 'site/duplicate-slug',
        message: `slug "${r.slug}" is already used by ${other}; set a different \`slug:\``,
      });
    } else seen.set(r.slug, r.file);
  }
  return problems;
}
