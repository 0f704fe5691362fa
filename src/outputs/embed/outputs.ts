/**
 * The embed outputs registered in outputs/registry.ts:
 *   embed/<slug>/index.html   per incident (the iframe page)
 *   embed/pm-timeline.js      once per site (the custom element, stylesheet built in)
 * Both use the published JSON only, so `--public` builds embed public timelines.
 */
import type { IncidentOutputContext } from '../types.js';
import { EMBED_SCRIPT_PATH, embedPagePath } from '../paths.js';
import type { SiteContext } from '../../render/context.js';
import type { IncidentSummary, Page } from '../../render/types.js';
import { rootPrefix } from '../urls.js';
import { placeNotes } from '../../timeline/notes.js';
import { buildElementScript, embedFilesFor } from './files.js';
import { renderEmbedPage } from './page.js';

/** Link from the embed page to the post-mortem: absolute with a base URL, else relative. */
function fullPostUrl(ctx: IncidentOutputContext, file: string): string {
  const url = ctx.summary.url;
  const base = ctx.site.config.baseUrl;
  return base ? `${base}/${url}` : `${rootPrefix(file)}${url}`;
}

export function embedPage(ctx: IncidentOutputContext): Page[] {
  const files = embedFilesFor(ctx.site);
  const file = embedPagePath(ctx.json.incident.slug);
  const contents = renderEmbedPage(ctx.json, {
    css: files.css,
    script: files.script,
    format: ctx.site.config.offsetFormat,
    fullUrl: fullPostUrl(ctx, file),
    language: ctx.site.config.language,
    notes: placeNotes(ctx.incident.document.notes, ctx.json, ctx.incident.file),
  });
  return [{ path: file, contents }];
}

export function embedScript(_summaries: readonly IncidentSummary[], site: SiteContext): Page[] {
  return [{ path: EMBED_SCRIPT_PATH, contents: buildElementScript(embedFilesFor(site)) }];
}
