/**
 * buildSite: discover → read → parse → incident model → timeline → render → write.
 * Only discovery/reading and the final write touch the disk; with `write: false`
 * the pages are returned in memory (tests, library users).
 */
import path from 'node:path';
import { loadConfig, resolveConfig } from '../config/resolve.js';
import type { ConfigOverrides, ResolvedConfig, UserConfig } from '../config/types.js';
import { hasErrors, Reporter, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { parseIncident } from '../incident/parse.js';
import { createRenderer } from '../theme/engine.js';
import { loadTheme } from '../theme/load.js';
import { hashedAssets } from './assets.js';
import { createSiteContext } from './context.js';
import { discoverIncidents, readIncident } from './discover.js';
import { renderIncident } from './render-incident.js';
import { siteOutputs } from './outputs.js';
import { sortSummaries } from './render-indexes.js';
import { incidentTimeline } from './sources.js';
import type { IncidentSummary, Page } from './types.js';
import { writeSite } from './write.js';

export interface BuildOptions extends ConfigOverrides {
  /** Write to the output folder (default true). False returns pages only. */
  write?: boolean;
  /** Use this config instead of reading pm.config.yaml from the root. */
  config?: UserConfig;
  /** Called after each incident is rendered. */
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface BuildResult {
  config: ResolvedConfig;
  pages: Page[];
  incidents: IncidentSummary[];
  diagnostics: Diagnostic[];
  /** True when the output folder was replaced. */
  written: boolean;
}

export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const root = path.resolve(options.root ?? '.');
  const loaded = options.config ? { config: options.config, file: null, diagnostics: [] } : loadConfig(root);
  const config = resolveConfig(loaded.config, { ...options, root }, loaded.file);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];

  const theme = loadTheme(config.themeDirs);
  const assets = hashedAssets(theme);
  const site = createSiteContext(config, createRenderer(theme), assets.names);
  const files = discoverIncidents(root, config.postsDir);
  if (files.length === 0) {
    const where = new Reporter(path.relative(root, config.postsDir).split(path.sep).join('/') || '.');
    diagnostics.push(where.warn('site/empty', 'no incidents found: add posts/<date>-<slug>.md or run `pm new incident "Title"`'));
  }

  const pages: Page[] = [...assets.pages];
  const summaries: IncidentSummary[] = [];
  const slugs = new Map<string, string>();
  let done = 0;
  for (const file of files) {
    const incident = parseIncident(readIncident(root, file), config);
    diagnostics.push(...incident.diagnostics);
    options.onProgress?.(++done, files.length, file);
    if (incident.draft && (!config.drafts || config.public)) continue;
    const other = slugs.get(incident.slug);
    if (other) {
      diagnostics.push({ level: 'error', file, line: 1, column: 1, rule: 'site/duplicate-slug', message: `slug "${incident.slug}" is already used by ${other}; set a different \`slug:\`` });
      continue;
    }
    slugs.set(incident.slug, file);
    const { timeline, diagnostics: timelineProblems } = await incidentTimeline(root, incident, { public: config.public });
    diagnostics.push(...timelineProblems);
    const out = renderIncident(incident, timeline, site);
    pages.push(...out.pages);
    summaries.push(out.summary);
  }
  const sorted = sortSummaries(summaries);
  for (const output of siteOutputs) pages.push(...output(sorted, site));
  pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const all = sortDiagnostics(diagnostics);
  const ok = !hasErrors(all);
  const write = options.write ?? true;
  if (ok && write) writeSite(pages, config.outDir);
  return { config, pages, incidents: sorted, diagnostics: all, written: ok && write };
}
