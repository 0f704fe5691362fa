/**
 * Escaping for each markup pm writes, named for where the result goes. Control characters
 * are text/controls.ts's business; these only make text inert in its context.
 */
import { logLine, xmlChars } from './controls.js';

const HTML_CHARS = /[&<>"']/;
const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML (and inline SVG) element text and single- or double-quoted attribute values: `& < > " '`. */
export function escapeHtml(text: string): string {
  if (!HTML_CHARS.test(text)) return text;
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITY[c] ?? c);
}

const XML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** XML 1.0 element text and quoted attributes (feeds, sitemap): characters XML cannot hold dropped, then `& < > " '`. */
export function escapeXml(text: string): string {
  return xmlChars(text).replace(/[&<>"']/g, (c) => XML_ENTITY[c] ?? c);
}

/** A stylesheet or script inlined in `<style>`/`<script>`: a `</style` or `</script` inside cannot close it early. */
export function inlineRawText(text: string, tag: 'style' | 'script'): string {
  return text.replace(new RegExp(`</(${tag})`, 'gi'), '<\\/$1');
}

/** A markdown table cell or paragraph: markdown syntax and HTML are shown, never interpreted. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#|!~]/g, (c) => `\\${c}`).replace(/&/g, '&amp;');
}

/** The two forms every log event carries: `text` (one clean line) and `html` (that line escaped). */
export function logText(raw: string): { text: string; html: string } {
  const text = logLine(raw);
  return { text, html: escapeHtml(text) };
}
