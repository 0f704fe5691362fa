/**
 * A fast path for the markdown most post-mortems are made of: ATX headings, paragraphs,
 * tight `- ` lists of one-line items, ``` fenced code, and the inline forms of
 * plain-inline.ts. For such a document it builds exactly the mdast remark-parse builds
 * (same nodes, same positions) at a fraction of micromark's cost; for anything else, or
 * anything it is not sure about, it returns null and the caller uses remark-parse.
 * test/markdown/plain.test.ts holds it to that against remark-parse on generated documents.
 *
 * Every rule errs towards giving up: a line may only start a paragraph or list item with a
 * character no block construct starts with; a paragraph or list must end at a blank line;
 * no tabs, carriage returns, trailing spaces, entities, escapes or raw HTML outside code.
 */
import type { Code, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { parseInline, type Cursor } from './plain-inline.js';

interface Line extends Cursor {
  text: string;
}

/** Returns remark-parse's tree for `md`, or null when `md` leaves the plain subset. */
export function parsePlain(md: string): Root | null {
  if (/[\r\0\uFEFF]/.test(md)) return null;
  const lines = splitLines(md);
  const children: RootContent[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const t = line.text;
    let next = -1;
    if (t === '') {
      i++;
      continue;
    } else if (t.startsWith('```')) {
      next = fence(lines, i, children);
    } else if (t[0] === '#') {
      next = heading(line, children) ? i + 1 : -1;
    } else if (t.startsWith('- ')) {
      next = list(lines, i, children);
    } else if (startsText(t, 0)) {
      next = paragraph(lines, i, children);
    }
    if (next < 0) return null;
    i = next;
  }
  const last = lines[lines.length - 1]!;
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: last.line, column: last.text.length + 1, offset: md.length } },
  };
}

function splitLines(md: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let n = 1; ; n++) {
    const end = md.indexOf('\n', start);
    lines.push({ line: n, lineStart: start, text: md.slice(start, end < 0 ? md.length : end) });
    if (end < 0) return lines;
    start = end + 1;
  }
}

const pt = (l: Line, col: number) => ({ line: l.line, column: col + 1, offset: l.lineStart + col });

/**
 * Can a paragraph (or list item's paragraph) line start at `col`? Only with a character
 * that starts no block: a letter, a digit not making `1.`/`1)`, non-ASCII, `*` or `**`
 * before a letter (emphasis, never a bullet or a rule), a single backtick, or `[`.
 */
function startsText(t: string, col: number): boolean {
  const c = t.charCodeAt(col);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 128) return true;
  if (c >= 48 && c <= 57) return !/^\d{1,9}[.)]( |$)/.test(t.slice(col));
  const rest = t.slice(col);
  return /^\*{1,2}[A-Za-z0-9]/.test(rest) || /^`[^`]/.test(rest) || rest[0] === '[';
}

/** A line of text inside a block: no tab, no trailing space (a hard break or stripped). */
const cleanLine = (t: string): boolean => !t.includes('\t') && !t.endsWith(' ');

/** Phrasing content of consecutive lines, joined the way remark joins soft line breaks. */
function inlineLines(lines: Line[], from: number, to: number, col: number): PhrasingContent[] | null {
  const out: PhrasingContent[] = [];
  for (let k = from; k < to; k++) {
    const l = lines[k]!;
    const nodes = parseInline(l.text, k === from ? col : 0, l);
    if (!nodes) return null;
    if (k > from) {
      // the line break belongs to the text around it: it extends the previous text or starts one
      const prev = out[out.length - 1];
      const first = nodes[0];
      const brk = pt(lines[k - 1]!, lines[k - 1]!.text.length);
      if (prev?.type === 'text') {
        prev.value += '\n';
        prev.position!.end = pt(l, 0);
      } else {
        out.push({ type: 'text', value: '\n', position: { start: brk, end: pt(l, 0) } });
      }
      const joined = out[out.length - 1];
      if (first?.type === 'text' && joined?.type === 'text') {
        joined.value += first.value;
        joined.position!.end = first.position!.end;
        nodes.shift();
      }
    }
    out.push(...nodes);
  }
  return out;
}

function paragraph(lines: Line[], i: number, out: RootContent[]): number {
  let end = i;
  while (end < lines.length && lines[end]!.text !== '') {
    const t = lines[end]!.text;
    if (!cleanLine(t) || !startsText(t, 0)) return -1;
    end++;
  }
  const children = inlineLines(lines, i, end, 0);
  if (!children) return -1;
  const last = lines[end - 1]!;
  const node: Paragraph = { type: 'paragraph', children, position: { start: pt(lines[i]!, 0), end: pt(last, last.text.length) } };
  out.push(node);
  return end;
}

function heading(line: Line, out: RootContent[]): boolean {
  const m = /^(#{1,6}) (?=[^ ])/.exec(line.text);
  if (!m || !cleanLine(line.text) || line.text.endsWith('#')) return false;
  const children = parseInline(line.text, m[0].length, line);
  if (!children) return false;
  const depth = m[1]!.length as Heading['depth'];
  out.push({ type: 'heading', depth, children, position: { start: pt(line, 0), end: pt(line, line.text.length) } });
  return true;
}

/** A tight list of `- ` items, one line each, ended by a blank line (or the end). */
function list(lines: Line[], i: number, out: RootContent[]): number {
  const items: ListItem[] = [];
  let k = i;
  for (; k < lines.length && lines[k]!.text.startsWith('- '); k++) {
    const l = lines[k]!;
    if (!cleanLine(l.text) || !startsText(l.text, 2)) return -1;
    const children = parseInline(l.text, 2, l);
    if (!children) return -1;
    const end = pt(l, l.text.length);
    const para: Paragraph = { type: 'paragraph', children, position: { start: pt(l, 2), end } };
    items.push({ type: 'listItem', spread: false, checked: null, children: [para], position: { start: pt(l, 0), end } });
  }
  if (k < lines.length && lines[k]!.text !== '') return -1;
  // a blank line and another item would make one loose list: leave that to remark
  let after = k;
  while (after < lines.length && lines[after]!.text === '') after++;
  if (after < lines.length && /^ *[-*+]( |$)/.test(lines[after]!.text)) return -1;
  const node: List = {
    type: 'list', ordered: false, start: null, spread: false, children: items,
    position: { start: items[0]!.position!.start, end: items[items.length - 1]!.position!.end },
  };
  out.push(node);
  return k;
}

/** ``` or ```lang, closed by a line that is exactly ```. */
function fence(lines: Line[], i: number, out: RootContent[]): number {
  const open = lines[i]!;
  const m = /^```([A-Za-z0-9_+.-]*)$/.exec(open.text);
  if (!m) return -1;
  let k = i + 1;
  for (; k < lines.length && lines[k]!.text !== '```'; k++) {
    if (/^ {0,3}(`{3}|~{3})/.test(lines[k]!.text)) return -1;
  }
  if (k >= lines.length) return -1;
  const close = lines[k]!;
  const value = lines.slice(i + 1, k).map((l) => l.text).join('\n');
  const node: Code = {
    type: 'code', lang: m[1] || null, meta: null, value,
    position: { start: pt(open, 0), end: pt(close, 3) },
  };
  out.push(node);
  return k + 1;
}
