/**
 * Search for a build: the Pagefind index of every published incident page (never the
 * indexes, tag or service pages, or embeds), and the one warning when it cannot be made.
 * `search: false` in the config: nothing. The pages are read through `read`, so a disk
 * build can take unchanged pages from the output folder and new ones from staging.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics.js';
import type { ResolvedConfig } from '../../config/types.js';
import type { IncidentSummary, Page } from '../../render/types.js';
import { fileForUrl } from '../urls.js';
import { pagefindIndex, type SearchDocument } from './pagefind.js';

export interface SiteSearch {
  pages: Page[];
  diagnostics: Diagnostic[];
}

export async function siteSearch(
  summaries: readonly IncidentSummary[],
  config: Pick<ResolvedConfig, 'search' | 'language' | 'configFile'>,
  read: (file: string) => string | Buffer | null,
): Promise<SiteSearch> {
  if (!config.search) return { pages: [], diagnostics: [] };
  const docs: SearchDocument[] = [];
  for (const s of summaries) {
    const html = read(fileForUrl(s.url));
    if (html !== null) docs.push({ url: s.url, html: html.toString() });
  }
  const index = await pagefindIndex(docs, config.language);
  if (index.ok) return { pages: index.pages, diagnostics: [] };
  return {
    pages: [],
    diagnostics: [{
      level: 'warning', file: config.configFile ?? '.', line: 0, column: 0, rule: 'search/unavailable',
      message: `search index not built: ${index.reason}. The site works without search; set \`search: false\` in the config to skip it`,
    }],
  };
}

/** A disk build's pages: rendered now (in staging), else from the last build (the output folder). */
export function readStagedOrOut(staging: string, out: string): (file: string) => Buffer | null {
  return (file) => {
    for (const dir of [staging, out]) {
      try {
        return readFileSync(path.join(dir, file));
      } catch {
        // not there: try the next folder
      }
    }
    return null;
  };
}

/** A disk build's search: pages from staging, else the output folder. */
export function diskSearch(
  summaries: readonly IncidentSummary[],
  config: Pick<ResolvedConfig, 'search' | 'language' | 'configFile'>,
  staging: string,
  out: string,
): Promise<SiteSearch> {
  return siteSearch(summaries, config, readStagedOrOut(staging, out));
}
