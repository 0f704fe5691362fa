/**
 * Small operations on mdast phrasing content used to cut a timestamp, its markers and
 * its written offsets out of an entry while keeping the rest as markdown. Every
 * function returns new nodes; the input tree is never changed.
 */
import type { Paragraph, PhrasingContent } from 'mdast';

/** The text a reader sees; soft and hard line breaks are `\n`. */
export function plainText(nodes: readonly PhrasingContent[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'inlineCode') out += n.value;
    else if (n.type === 'break') out += '\n';
    else if ('children' in n) out += plainText(n.children);
  }
  return out;
}

/** Removes the first `count` characters of {@link plainText} from the nodes. */
export function stripPrefix(nodes: readonly PhrasingContent[], count: number): PhrasingContent[] {
  let left = count;
  const out: PhrasingContent[] = [];
  for (const n of nodes) {
    if (left <= 0) {
      out.push(n);
      continue;
    }
    const len = plainText([n]).length;
    if (len <= left) {
      left -= len;
      continue;
    }
    if (n.type === 'text' || n.type === 'inlineCode') out.push({ ...n, value: n.value.slice(left) });
    else if ('children' in n) {
      const children = stripPrefix(n.children, left);
      out.push({ ...n, children });
    } else out.push(n);
    left = 0;
  }
  return out;
}

/** Applies `fn` to every text node (deeply); drops text nodes and wrappers left empty. */
export function mapText(nodes: readonly PhrasingContent[], fn: (value: string) => string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const n of nodes) {
    if (n.type === 'text') {
      const value = fn(n.value);
      if (value) out.push({ ...n, value });
    } else if ('children' in n && n.type !== 'link' && n.type !== 'linkReference') {
      const children = mapText(n.children, fn);
      if (children.length) out.push({ ...n, children });
    } else out.push(n);
  }
  return out;
}

/** Removes separators (`—`, `:`, `-`, spaces) left at the start and spaces at the end. */
export function trimEdges(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  let out = [...nodes];
  while (out.length) {
    const lead = plainText(out).match(/^[\s:—–|,-]*/)?.[0].length ?? 0;
    if (lead === 0) break;
    out = stripPrefix(out, lead);
  }
  const last = out[out.length - 1];
  if (last?.type === 'text') {
    const value = last.value.replace(/\s+$/, '');
    out = value ? [...out.slice(0, -1), { ...last, value }] : out.slice(0, -1);
  } else if (last?.type === 'break') out = out.slice(0, -1);
  return out;
}

/**
 * Splits a paragraph at its line breaks: authors often write several entries on
 * consecutive lines without blank lines between them. Each line keeps a position.
 */
export function splitLines(p: Paragraph): Paragraph[] {
  const lines: PhrasingContent[][] = [[]];
  for (const n of p.children) {
    if (n.type === 'break') {
      lines.push([]);
    } else if (n.type === 'text' && n.value.includes('\n')) {
      const parts = n.value.split('\n');
      parts.forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part) lines[lines.length - 1]!.push({ type: 'text', value: part });
      });
    } else lines[lines.length - 1]!.push(n);
  }
  const startLine = p.position?.start.line;
  return lines
    .map((children, i): Paragraph => {
      const para: Paragraph = { type: 'paragraph', children };
      if (startLine !== undefined) {
        const column = i === 0 ? p.position!.start.column : 1;
        para.position = { start: { line: startLine + i, column }, end: { line: startLine + i, column } };
      }
      return para;
    })
    .filter((x) => x.children.length > 0);
}
