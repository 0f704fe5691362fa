/**
 * Inline half of the plain-subset parser (plain.ts): text, `code`, *emphasis*,
 * **strong** and [text](url) on one line, each in a form whose CommonMark reading is
 * unambiguous. Anything else (a `*` that is not such a pair, `_` outside a word, `<`,
 * `&`, `\`, `![`, a `]` that is not a link's) makes it give up: the caller falls back
 * to remark-parse, so "not sure" only ever costs time, never a different tree.
 */
import type { PhrasingContent, Text } from 'mdast';

export interface Cursor {
  line: number;
  /** Offset of the line's first character in the document. */
  lineStart: number;
}

/** Characters that may start or end an inline construct or an entity/escape. */
const SPECIAL = /[*_`[\]<&\\~!\t]/;

const isAlnum = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z0-9]$/.test(c);
/** What may stand before an opening delimiter / after a closing one. */
const beforeOpen = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '(';
const afterClose = (c: string | undefined): boolean => c === undefined || c === ' ' || (c !== '' && '.,;:!?)'.includes(c));

const point = (at: Cursor, col: number) => ({ line: at.line, column: col + 1, offset: at.lineStart + col });

/** Plain text inside a construct: no delimiters at all. */
const plainInside = (s: string): boolean => s.length > 0 && !SPECIAL.test(s);

/**
 * Parses `text` (one line, starting at column `from`) into phrasing nodes, or null when
 * it leaves the subset. Every delimiter must be matched on its own line, so no
 * construct can span lines, as none could in remark's reading either.
 */
export function parseInline(text: string, from: number, at: Cursor): PhrasingContent[] | null {
  const out: PhrasingContent[] = [];
  let textStart = from;
  const flush = (end: number) => {
    if (end > textStart) out.push(textNode(text.slice(textStart, end), point(at, textStart), point(at, end)));
  };
  let i = from;
  while (i < text.length) {
    const c = text[i]!;
    const plain = !SPECIAL.test(c) || (c === '_' && isAlnum(text[i - 1]) && isAlnum(text[i + 1])) || (c === '!' && text[i + 1] !== '[');
    if (plain) {
      i++;
      continue;
    }
    const found = construct(text, i, at);
    if (!found) return null;
    flush(i);
    out.push(found.node);
    i = textStart = found.end;
  }
  flush(text.length);
  return out;
}

/** The code span, emphasis, strong or link starting at `i`, or null. */
function construct(text: string, i: number, at: Cursor): { node: PhrasingContent; end: number } | null {
  const c = text[i];
  if (c === '`') {
    const close = text.indexOf('`', i + 1);
    const value = text.slice(i + 1, close);
    if (close < 0 || text[i + 1] === '`' || text[close + 1] === '`' || value.length === 0) return null;
    if (value[0] === ' ' || value[value.length - 1] === ' ') return null;
    const end = close + 1;
    return { node: { type: 'inlineCode', value, position: { start: point(at, i), end: point(at, end) } }, end };
  }
  if (c === '*') {
    const n = text[i + 1] === '*' ? 2 : 1;
    const close = text.indexOf('*', i + n);
    const inner = text.slice(i + n, close);
    if (close < 0 || !beforeOpen(text[i - 1]) || !plainInside(inner) || !isAlnum(inner[0]) || !isAlnum(inner[inner.length - 1])) return null;
    if (text.slice(close, close + n) !== '*'.repeat(n) || !afterClose(text[close + n])) return null;
    const end = close + n;
    const child = textNode(inner, point(at, i + n), point(at, close));
    return { node: { type: n === 2 ? 'strong' : 'emphasis', children: [child], position: { start: point(at, i), end: point(at, end) } }, end };
  }
  if (c === '[') {
    const m = /^\[([^\]]*)\]\(([^()\s<>\\"'`;*[\]]*)\)/.exec(text.slice(i));
    const label = m?.[1];
    if (!m || label === undefined || !plainInside(label) || !m[2]) return null;
    const end = i + m[0].length;
    const child = textNode(label, point(at, i + 1), point(at, i + 1 + label.length));
    return { node: { type: 'link', title: null, url: m[2], children: [child], position: { start: point(at, i), end: point(at, end) } }, end };
  }
  return null;
}

function textNode(value: string, start: ReturnType<typeof point>, end: ReturnType<typeof point>): Text {
  return { type: 'text', value, position: { start, end } };
}
