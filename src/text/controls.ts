/**
 * What may not reach a reader from untrusted text (log lines, file names, front-matter,
 * messages quoted in diagnostics), in one place. Removed everywhere text is shown:
 *
 *   - ANSI escape sequences: CSI (`ESC [ … final`, and its 8-bit form U+009B), OSC
 *     (`ESC ] … BEL/ST`, a terminal title or hyperlink) and two-byte escapes (`ESC x`);
 *   - C0 and C1 control characters and DEL, except tab (and line feed where lines are kept);
 *   - bidirectional controls (LRM, RLM, U+202A–U+202E embeddings and overrides,
 *     U+2066–U+2069 isolates), which can make text read differently from what it is.
 *
 * Each function is named for where its result goes; escaping for a markup language is
 * text/escape.ts.
 */

const ANSI = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])|\x9b[0-?]*[ -/]*[@-~]/g;

const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const ANY_UNSAFE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Text shown as it was written, lines and tabs kept: timeline cells, terminal output, page text. */
export function displayText(text: string): string {
  if (!ANY_UNSAFE.test(text)) return text;
  return text.replace(ANSI, '').replace(CONTROL, '');
}

/** A log event's text (one line in the timeline): each line break becomes a space. */
export function logLine(raw: string): string {
  if (!ANY_UNSAFE.test(raw)) return raw;
  return displayText(raw.replace(ANSI, '').replace(/\r\n|\r|\n/g, ' '));
}

/** One line of terminal output (a diagnostic): a quoted line break would start a line that names no file. */
export function terminalLine(text: string): string {
  return displayText(text.replace(ANSI, '').replace(/[\r\n]+/g, ' '));
}

/** Characters XML 1.0 cannot carry at all (controls, lone surrogates, U+FFFE, U+FFFF). */

const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Drops what an XML 1.0 document cannot hold, so a feed parser never rejects the whole feed. */
export function xmlChars(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Removes a leading UTF-8 byte order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
