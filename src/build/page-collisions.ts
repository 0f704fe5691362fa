/**
 * An incident's page must not land where a site-wide page goes. With custom `urls` patterns (or
 * `url_preset: flat`, where incidents and the tag index share a folder) a slug such as `tags` would
 * put an incident at the path of the tag index, and whichever is written last would silently win.
 * Each such incident gets an error naming the path; the build stops before anything is written.
 */
import type { Diagnostic } from '../diagnostics.js';

export interface PagedIncident {
  file: string;
  pages: readonly string[];
}

export function pageCollisions(incidents: readonly PagedIncident[], sitePages: Iterable<string>): Diagnostic[] {
  const site = new Set(sitePages);
  const problems: Diagnostic[] = [];
  for (const incident of incidents) {
    const hit = incident.pages.find((p) => site.has(p));
    if (hit === undefined) continue;
    problems.push({
      level: 'error',
      file: incident.file,
      line: 1,
      column: 1,
      rule: 'site/page-collision',
      message: `its page ${hit} is where pm writes a page of the whole site; set a different \`slug:\` in its front-matter, or change \`urls.incident\` in pm.config.yaml`,
    });
  }
  return problems;
}
