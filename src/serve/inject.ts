/**
 * What `pm serve` adds to HTML responses, at serve time only (never in `pm build`
 * output): a script that listens to /__pm/events and reloads the page when its
 * bytes changed, and — while the site has content errors — an overlay listing them.
 */
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { escapeHtml } from '../text/escape.js';

export const EVENTS_PATH = '/__pm/events';
export const CLIENT_PATH = '/__pm/client.js';

/** Reloads when the server says this page (or everything) changed; reconnects after a restart. */
export const CLIENT_SCRIPT = `// pm serve live reload
(() => {
  const here = () => {
    let p = decodeURIComponent(location.pathname).replace(/^\\/+/, '');
    if (p === '' || p.endsWith('/')) p += 'index.html';
    return p;
  };
  let lost = false;
  // the number of the server's last message when this page was served: what came after is sent on connect
  const seq = Number(document.currentScript && document.currentScript.dataset.pmSeq);
  const source = new EventSource(${JSON.stringify(EVENTS_PATH)} + (Number.isInteger(seq) ? '?since=' + seq : ''));
  source.addEventListener('reload', (event) => {
    let data = {};
    try { data = JSON.parse(event.data); } catch { /* reload anyway */ }
    if (data.all || !Array.isArray(data.paths) || data.paths.includes(here())) location.reload();
  });
  source.addEventListener('error', () => { lost = true; });
  source.addEventListener('open', () => {
    if (lost) location.reload();
    document.documentElement.setAttribute('data-pm-live', '');
  });
})();
`;

const tag = (seq: number): string => `<script src="${CLIENT_PATH}" data-pm-seq="${Math.trunc(seq)}" data-pm-serve></script>`;

/**
 * The overlay's colours, light by default and dark when the reader prefers it; every
 * pair keeps WCAG AA contrast (4.5:1) whatever the page underneath (the panel is opaque).
 */
const OVERLAY_STYLE = [
  '#__pm-overlay{position:fixed;inset:0;z-index:2147483647;overflow:auto;box-sizing:border-box;padding:2rem;',
  'font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#ffffff;color:#18181b;color-scheme:light}',
  '#__pm-overlay h2{color:#b91c1c;font-size:1.2rem;margin:0 0 1rem}',
  '#__pm-overlay ul{list-style:none;margin:0 0 1rem;padding:0}',
  '#__pm-overlay li{margin:0 0 .6em;white-space:pre-wrap;word-break:break-word}',
  '#__pm-overlay code{font:inherit;color:inherit;background:none;padding:0;border:0}',
  '#__pm-overlay p{color:#52525b;margin:0}',
  '@media (prefers-color-scheme: dark){#__pm-overlay{background:#18181b;color:#fafafa;color-scheme:dark}',
  '#__pm-overlay h2{color:#fca5a5}#__pm-overlay p{color:#a1a1aa}}',
].join('');

/** The overlay: every error as `file:line:column: level: rule: message`, escaped. */
export function overlayHtml(errors: readonly Diagnostic[]): string {
  const items = errors.map((d) => `<li><code>${escapeHtml(formatDiagnostic(d))}</code></li>`);
  return [
    `<div id="__pm-overlay" role="alertdialog" aria-modal="true" aria-labelledby="__pm-overlay-title"><style>${OVERLAY_STYLE}</style>`,
    `<h2 id="__pm-overlay-title">pm serve: ${errors.length} content error${errors.length === 1 ? '' : 's'}</h2>`,
    `<ul>${items.join('')}</ul>`,
    '<p>Fix the file and save it: this page reloads by itself.</p></div>',
  ].join('');
}

/**
 * Adds the reload script (and the overlay) before `</body>`, or at the end. Pages
 * that carry their own Content-Security-Policy (the embeds) are left untouched.
 */
export function injectServeHtml(html: string, errors: readonly Diagnostic[], seq = 0): string {
  if (/<meta[^>]+http-equiv=["']?content-security-policy/i.test(html)) return html;
  const add = `${errors.length ? overlayHtml(errors) : ''}${tag(seq)}`;
  const at = html.lastIndexOf('</body>');
  return at < 0 ? `${html}${add}` : `${html.slice(0, at)}${add}\n${html.slice(at)}`;
}

/** A whole page for when there is nothing else to show (no page at all yet). */
export function errorPage(errors: readonly Diagnostic[], seq = 0): string {
  return injectServeHtml(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>pm serve: content errors</title></head><body></body></html>',
    errors,
    seq,
  );
}
