/**
 * Log text is attacker-controlled. `cleanText` removes what a terminal or a page
 * could interpret (ANSI escape sequences, C0/C1 control characters except tab;
 * line breaks become spaces); `escapeHtml` makes the text safe as HTML content
 * and inside quoted attributes. Markdown is never interpreted for log text.
 */

// CSI (ESC [ … final), OSC (ESC ] … BEL/ST), and two-byte escapes (ESC x).
const ANSI = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])|\x9b[0-?]*[ -/]*[@-~]/g;
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;
const NEEDS_CLEANING = /[\x00-\x08\x0a-\x1f\x7f-\x9f]/;

const CONTROL_KEEP_LINES = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** Strips ANSI escapes and control characters, keeping tabs and line breaks (terminal output). */
export function stripEscapes(raw: string): string {
  return raw.replace(ANSI, '').replace(CONTROL_KEEP_LINES, '');
}

/** Strips ANSI escapes and control characters (tab kept, line breaks → space). */
export function cleanText(raw: string): string {
  if (!NEEDS_CLEANING.test(raw)) return raw;
  return raw.replace(ANSI, '').replace(/\r?\n|\r/g, ' ').replace(CONTROL, '');
}

const HTML_CHARS = /[&<>"']/;
const HTML_ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes `& < > " '`. */
export function escapeHtml(text: string): string {
  if (!HTML_CHARS.test(text)) return text;
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITY[c] ?? c);
}

/** The two forms every log event carries: `text` (cleaned, raw otherwise) and `html` (escaped). */
export function logText(raw: string): { text: string; html: string } {
  const text = cleanText(raw);
  return { text, html: escapeHtml(text) };
}

/** Removes a leading UTF-8 byte order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
