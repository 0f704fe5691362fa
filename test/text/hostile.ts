/** Text an attacker puts in a log line, a file name or front-matter, for the text/ tests. */
import fc from 'fast-check';

export const NUL = '\u0000';
export const ESC = '\u001b';
/** C1 controls, among them the 8-bit CSI (U+009B) and NEL (U+0085). */
export const C1 = ['\u0080', '\u0085', '\u009b', '\u009f'];
/** Bidi embeddings, overrides, isolates and marks (CVE-2021-42574, "Trojan Source"). */
export const BIDI = ['\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
export const LONE_SURROGATES = ['\ud800', '\udfff', 'a\udc00b'];
export const ANSI = [`${ESC}[31m`, `${ESC}[0m`, `${ESC}[2J`, `${ESC}]0;pwned${ESC}\\`, `${ESC}]8;;https://evil.example\u0007`, `${ESC}D`, '\u009b31m'];
export const MARKUP = `"'<>&`;

/** Strings made mostly of the characters above, mixed with plain text and line breaks. */
export const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom(NUL, ESC, ...C1, ...BIDI, ...LONE_SURROGATES, ...ANSI, ...MARKUP.split(''), '\t', '\n', '\r', '\r\n', '\u2028', '\ufeff', '\uffff'),
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 20 },
  )
  .map((parts) => parts.join(''));

/** Controls no shown text may keep: C0 but tab and line feed, DEL, C1, bidi controls. */

export const UNSHOWABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
