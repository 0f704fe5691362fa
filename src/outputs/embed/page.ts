/**
 * `embed/<slug>/index.html`: one incident's timeline alone, for an iframe. Self-contained
 * (inline stylesheet and script, no request to any other file or host), with a
 * Content-Security-Policy that allows only those two inline blocks, by their sha256 —
 * embeds show log text, so a payload that slipped through escaping still cannot run.
 */
import { createHash } from 'node:crypto';
import { renderTimelineHtml, type HtmlRenderOptions } from '../../timeline/render-html.js';
import { escapeHtml, inlineRawText } from '../../text/escape.js';
import type { TimelineJson } from '../../timeline/types.js';

export interface EmbedPageOptions extends HtmlRenderOptions {
  /** Stylesheet inlined in `<style>` (embed/timeline.css). */
  css: string;
  /** Script inlined in `<script>` (embed/embed.js). */
  script: string;
  /** Link to the full post-mortem (relative to the embed page or absolute); none when null. */
  fullUrl?: string | null;
  /** `lang` of the page. */
  language?: string;
}

/** Markers around the timeline fragment, so tools (and tests) can cut it out of the page. */
export const FRAGMENT_START = '<!-- pm:timeline -->';
export const FRAGMENT_END = '<!-- /pm:timeline -->';

/** `'sha256-…'` source expression for an inline block, as CSP hashes it (the exact UTF-8 text). */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The page's policy: nothing may load; only the given inline style and script may apply. */
export function embedCsp(css: string, script: string): string {
  return ["default-src 'none'", `style-src ${cspHash(css)}`, `script-src ${cspHash(script)}`, "img-src 'none'", "base-uri 'none'", "form-action 'none'"].join(
    '; ',
  );
}

/** The inlined blocks and their policy: the same for every embed of a build, so made once per stylesheet and script. */
interface Inlined {
  css: string;
  script: string;
  csp: string;
}
let last: { from: [string, string]; made: Inlined } | null = null;

function inlined(cssText: string, scriptText: string): Inlined {
  if (last && last.from[0] === cssText && last.from[1] === scriptText) return last.made;
  const css = inlineRawText(cssText, 'style');
  const script = inlineRawText(scriptText, 'script');
  last = { from: [cssText, scriptText], made: { css, script, csp: escapeHtml(embedCsp(css, script)) } };
  return last.made;
}

export function renderEmbedPage(json: TimelineJson, options: EmbedPageOptions): string {
  const { css, script, csp } = inlined(options.css, options.script);
  const title = `Timeline — ${json.incident.title}`;
  const fragment = renderTimelineHtml(json, { ...(options.format ? { format: options.format } : {}), ...(options.notes ? { notes: options.notes } : {}) });
  const footer = options.fullUrl ? `<p class="pm-footer"><a href="${escapeHtml(options.fullUrl)}">Read the full post-mortem</a></p>\n` : '';
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(options.language ?? 'en')}" data-slug="${escapeHtml(json.incident.slug)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    '<meta name="referrer" content="no-referrer">',
    '<base target="_blank">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<div class="pm-embed">',
    FRAGMENT_START,
    fragment,
    FRAGMENT_END,
    `${footer}</div>`,
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The fragment inside an embed page, exactly as {@link renderTimelineHtml} wrote it. */
export function fragmentOf(page: string): string | null {
  const start = page.indexOf(FRAGMENT_START);
  const end = page.indexOf(FRAGMENT_END);
  if (start < 0 || end < start) return null;
  return page.slice(start + FRAGMENT_START.length + 1, end - 1);
}
