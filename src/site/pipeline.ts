/**
 * The build's stages as separate functions, so `pm build`, worker threads, the cache
 * and `pm serve` share one way through the data:
 *
 *   setupSite()        config, theme, discovery        (disk: read)
 *   processIncident()  read → parse → timeline → render, one incident (reads its file and logs)
 *   renderSite()       site-wide outputs from summaries only
 *
 * Writing is the caller's business (sink.ts, write.ts, incremental.ts).
 */
import path from 'node:path';
import { loadConfig, resolveConfig } from '../config/resolve.js';
import type { ConfigOverrides, ResolvedConfig, UserConfig } from '../config/types.js';
import { Reporter, type Diagnostic } from '../diagnostics.js';
import { parseIncident } from '../incident/parse.js';
import type { IncidentInput } from '../incident/types.js';
import { createRenderer } from '../theme/engine.js';
import { loadTheme, type ThemeFiles } from '../theme/load.js';
import { hashedAssets } from './assets.js';
import { createSiteContext, type SiteContext } from './context.js';
import { discoverIncidents, readIncident } from './discover.js';
import { incidentKey } from './cache.js';
import { siteOutputs } from './outputs.js';
import { renderIncident } from './render-incident.js';
import { incidentTimeline } from './sources.js';
import type { IncidentSummary, Page } from './types.js';

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
  const theme = loadTheme(config.themeDirs);
  const assets = hashedAssets(theme);
  const site = createSiteContext(config, createRenderer(theme), assets.names);
  const files = discoverIncidents(root, config.postsDir);
  const diagnostics = [...loaded.diagnostics];
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
}

/** One incident from its text to its pages. Reads only the incident's own log sources. */
export async function processIncident(root: string, input: IncidentInput, site: SiteContext, key = ''): Promise<IncidentResult> {
  const { config } = site;
  const incident = parseIncident(input, config);
  const diagnostics = [...incident.diagnostics];
  const base = { file: input.file, slug: incident.slug, key };
  if (incident.draft && (!config.drafts || config.public)) {
    return { ...base, summary: null, pages: [], diagnostics, sources: [] };
  }
  const { timeline, diagnostics: found, read } = await incidentTimeline(root, incident, { public: config.public });
  diagnostics.push(...found);
  const out = renderIncident(incident, timeline, site);
  return { ...base, summary: out.summary, pages: out.pages, diagnostics, sources: read };
}

/** Reads one incident file and processes it; `siteKey` makes the cache key. */
export function readAndProcess(root: string, file: string, site: SiteContext, siteKey: string): Promise<IncidentResult> {
  const input = readIncident(root, file);
  return processIncident(root, input, site, incidentKey(siteKey, file, input.content));
}

/** Two incidents may not publish under one slug: the later file is an error. */
export function checkSlugs(results: readonly IncidentResult[]): Diagnostic[] {
  const seen = new Map<string, string>();
  const problems: Diagnostic[] = [];
  for (const r of results) {
    if (!r.summary) continue;
    const other = seen.get(r.slug);
    if (other) {
      problems.push({
        level: 'error', file: r.file, line: 1, column: 1, rule: 'site/duplicate-slug',
        message: `slug "${r.slug}" is already used by ${other}; set a different \`slug:\``,
      });
    } else seen.set(r.slug, r.file);
  }
  return problems;
}

/** Site-wide pages (indexes, tags, feeds, data files) from summaries sorted newest first. */
export function renderSite(sorted: readonly IncidentSummary[], site: SiteContext): Page[] {
  const pages: Page[] = [];
  for (const output of siteOutputs) pages.push(...output(sorted, site));
  return pages;
}
