/**
 * Action items: the GFM task list under an "Action items" heading, read into the
 * model. `- [ ] owner: text (due 2026-12-01)` → { done: false, owner, text, due }.
 * Pure: works on the parsed tree; positions are made file-relative with the body's
 * line offset.
 */
import type { Heading, Link, ListItem, Node, Parent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Reporter } from '../diagnostics.js';

export interface ActionItem {
  done: boolean;
  /** Who owns it (`~rfk`, `ana`, `SRE team`), or null when none was written. */
  owner: string | null;
  /** The item's text without the owner and the due date. */
  text: string;
  /** `YYYY-MM-DD`, or null. */
  due: string | null;
  /** File line and column of the list item. */
  line: number;
  column: number;
  /** http(s) URLs of the links written in the item (`[OPS-12](https://…)`, autolinks), when it has any. */
  links?: string[];
}

/** A heading that opens the action items: `Action items`, `Action Items:`, `3. Follow-up actions`… */
const HEADING = /^(?:\d+[.)]\s*)?(?:action items?|follow[- ]?up actions?|follow[- ]?ups?|actions)\s*:?$/i;
/** `owner: rest` — an owner is one or two name-like words (`~rfk`, `j.doe`, `Ops team`) before the first colon. */
const OWNER = /^@?([\p{L}\p{N}_~@.'+-]+(?: [\p{L}\p{N}_~@.'+-]+)?):\s+(.*)$/su;
/** `(due 2026-12-01)`, `(due: 2026-12-01)`, `due 2026-12-01` at the end. */
const DUE = /\s*\(?\bdue:?\s+(\d{4})-(\d{2})-(\d{2})\)?\s*\.?\s*$/i;

/** Top-level node range of the first "Action items" section, end exclusive; null without one. */
export function actionSection(tree: Root): { start: number; end: number } | null {
  const nodes = tree.children;
  const start = nodes.findIndex((n) => n.type === 'heading' && HEADING.test(toString(n).trim()));
  if (start < 0) return null;
  const depth = (nodes[start] as Heading).depth;
  let end = start + 1;
  while (end < nodes.length) {
    const n = nodes[end]!;
    if (n.type === 'heading' && n.depth <= depth) break;
    end++;
  }
  return { start, end };
}

/** Every task-list item of the section (nested lists included), in document order. */
export function readActions(tree: Root, lineOffset: number, reporter?: Reporter): ActionItem[] {
  const section = actionSection(tree);
  if (!section) return [];
  const items: ActionItem[] = [];
  const visit = (node: RootContent): void => {
    if (node.type === 'list') for (const item of node.children) readItem(item);
  };
  const readItem = (item: ListItem): void => {
    if (typeof item.checked === 'boolean') {
      const first = item.children.find((c) => c.type === 'paragraph');
      const line = (item.position?.start.line ?? 1) + lineOffset;
      const column = item.position?.start.column ?? 1;
      const action = parseAction(first ? toString(first) : '', item.checked, line, column, reporter);
      const links = first ? linkUrls(first) : [];
      items.push(links.length ? { ...action, links } : action);
    }
    for (const child of item.children) visit(child);
  };
  for (const node of tree.children.slice(section.start + 1, section.end)) visit(node);
  return items;
}

/** One item's text → owner, text, due. Exported for tests. */
export function parseAction(raw: string, done: boolean, line: number, column: number, reporter?: Reporter): ActionItem {
  let text = raw.replace(/\s+/g, ' ').trim();
  let due: string | null = null;
  const d = DUE.exec(text);
  if (d) {
    const [, y, m, dd] = d as unknown as [string, string, string, string];
    if (validDay(Number(y), Number(m), Number(dd))) due = `${y}-${m}-${dd}`;
    else reporter?.warn('actions/due', `due date ${y}-${m}-${dd} is not a day of the calendar`, { line, column });
    text = text.slice(0, d.index).trim();
  }
  let owner: string | null = null;
  const o = OWNER.exec(text);
  if (o) {
    owner = o[1]!;
    text = o[2]!.trim();
  }
  return { done, owner, text, due, line, column };
}

/** http(s) link targets inside a node, in document order, each once. */
function linkUrls(node: Node): string[] {
  const found: string[] = [];
  const walk = (n: Node): void => {
    if (n.type === 'link') {
      const url = (n as Link).url;
      if (/^https?:\/\//i.test(url) && !found.includes(url)) found.push(url);
    }
    for (const child of (n as Parent).children ?? []) walk(child);
  };
  walk(node);
  return found;
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}
