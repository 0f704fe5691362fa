/**
 * One post → one sanitized HTML tree, in one pass (unified's shape: parse → transform →
 * stringify). A copy of the post's top level is made with heading ids, and the Timeline
 * section replaced by one placeholder holding each entry's and each note's markdown; the
 * whole copy goes through hast.ts once, so reference definitions, footnotes and ids are
 * document-wide. Each entry's and note's HTML is then cut out of the sanitized tree, and the
 * rest of the page is stringified once, with the theme's timeline where the section was.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Handlers, State } from 'mdast-util-to-hast';
import { createHash } from 'node:crypto';
import type { Reporter } from '../diagnostics.js';
import { Slugger } from '../slug.js';
import type { SectionItem } from '../timeline/section-notes.js';
import type { TimelineNotes } from '../timeline/notes.js';
import { stringify, toSafeHast, type RawNode } from './hast.js';

export interface TocEntry {
  id: string;
  text: string;
  depth: number;
}

export interface DocumentInput {
  tree: Root;
  /** The Timeline section's top-level range in `tree` (end exclusive), if any. */
  section: { start: number; end: number } | null;
  items: readonly SectionItem[];
  /** The markdown `tree` was parsed from. */
  source: string;
  reporter: Reporter;
  lineOffset: number;
}

/** A rendered post waiting for its timeline (see {@link bodyHtml}). */
export interface RenderedDocument {
  hast: HastRoot;
  /** Where the theme's timeline goes. */
  slot: RawNode;
  /** The heading written for a timeline that only log sources fill (no Timeline section). */
  timelineHeading: string | null;
  toc: TocEntry[];
  notes: TimelineNotes;
}

/** A node of pm's own in the copy: one entry, note or the whole section, rendered as a marked `<div>`. */
interface SlotNode {
  type: 'pmSlot';
  id: string;
  inline: boolean;
  children: RootContent[];
}

/** Renders a post and fills in the `html` of its entries' events. */
export function renderDocument(input: DocumentInput): RenderedDocument {
  // Marks pm's own placeholders: a hash of the post, so no post can contain its own mark.
  const mark = `pm-${createHash('sha256').update(input.source).digest('hex').slice(0, 24)}`;
  const { children, toc, timelineId } = topLevel(input, mark);
  const handlers = { pmSlot: slotHandler } as unknown as Handlers;
  const hast = toSafeHast({ type: 'root', children }, { source: input.source, reporter: input.reporter, lineOffset: input.lineOffset, handlers });
  const slots = new Map<string, Element>();
  const container = findSlots(hast, mark, slots);
  const slot: RawNode = { type: 'raw', value: '' };
  placeSlot(hast, container, slot);
  dropMarked(hast, mark);
  const html = (i: number): string => {
    const el = slots.get(`${mark}-${i}`);
    return el ? stringify({ type: 'root', children: el.children }).trim() : '';
  };
  const notes: TimelineNotes = { notes: [], order: [] };
  let after: number | null = null;
  input.items.forEach((item, i) => {
    if (item.kind === 'event') {
      item.event.html = html(i);
      after = item.event.source.line;
      notes.order.push(after);
    } else notes.notes.push({ after, html: html(i), text: noteText(item.nodes) });
  });
  return { hast, slot, timelineHeading: input.section ? null : timelineId, toc, notes };
}

/** The post's HTML with `timelineHtml` where its Timeline section was. */
export function bodyHtml(doc: RenderedDocument, timelineHtml: string): string {
  const heading = doc.timelineHeading !== null && timelineHtml.trim() ? `<h2 id="${doc.timelineHeading}">Timeline</h2>\n` : '';
  doc.slot.value = doc.timelineHeading === null ? timelineHtml : heading ? `\n${heading}${timelineHtml}\n` : '';
  return stringify(doc.hast).trim();
}

function topLevel(input: DocumentInput, mark: string): { children: RootContent[]; toc: TocEntry[]; timelineId: string } {
  const slugger = new Slugger();
  const toc: TocEntry[] = [];
  const { tree, section } = input;
  const withId = (node: Heading): Heading => {
    const text = toString(node);
    const id = slugger.slug(text);
    if (node.depth <= 3) toc.push({ id, text, depth: node.depth });
    return { ...node, data: { ...node.data, hProperties: { ...node.data?.hProperties, id } } };
  };
  const children: RootContent[] = [];
  tree.children.forEach((node, i) => {
    if (section !== null && i > section.start && i < section.end) {
      // The entries and notes are in the placeholder; definitions stay, they are document-wide.
      if (node.type === 'definition' || node.type === 'footnoteDefinition') children.push(node);
      return;
    }
    children.push(node.type === 'heading' ? withId(node) : node);
    if (section !== null && i === section.start) children.push(timelineNode(input.items, mark));
  });
  return { children, toc, timelineId: slugger.slug('timeline') };
}

function timelineNode(items: readonly SectionItem[], mark: string): RootContent {
  const slots = items.map((item, i): SlotNode => {
    const only = item.kind === 'event' && item.nodes.length === 1 && item.nodes[0]!.type === 'paragraph' ? item.nodes[0] : null;
    const children = only?.type === 'paragraph' ? (only.children as RootContent[]) : item.nodes;
    return { type: 'pmSlot', id: `${mark}-${i}`, inline: only !== null, children };
  });
  const container: SlotNode = { type: 'pmSlot', id: mark, inline: false, children: slots as unknown as RootContent[] };
  return container as unknown as RootContent;
}

function slotHandler(state: State, node: SlotNode): Element {
  const children = state.all(node as unknown as Parameters<State['all']>[0]);
  return { type: 'element', tagName: 'div', properties: { id: node.id }, children: node.inline ? children : state.wrap(children, true) };
}

/** Collects the entry and note slots by id and returns the section's placeholder. */
function findSlots(tree: HastRoot | Element, mark: string, out: Map<string, Element>): Element | null {
  let container: Element | null = null;
  for (const node of tree.children) {
    if (node.type !== 'element') continue;
    const id = node.properties['id'];
    if (id === mark) container = node;
    if (typeof id === 'string' && id.startsWith(`${mark}-`)) {
      out.set(id, node);
      continue;
    }
    container = findSlots(node, mark, out) ?? container;
  }
  return container;
}

/** Puts the theme's timeline where the section was: in place of the placeholder, else before the footnotes. */
function placeSlot(hast: HastRoot, container: Element | null, slot: RawNode): void {
  const raw = slot as unknown as ElementContent;
  if (container && replace(hast, container, raw)) return;
  const last = hast.children[hast.children.length - 1];
  const footnotes = last?.type === 'element' && last.tagName === 'section' ? hast.children.length - 1 : hast.children.length;
  hast.children.splice(footnotes, 0, raw as HastContent);
}

function replace(parent: HastRoot | Element, target: Element, by: ElementContent): boolean {
  const i = parent.children.indexOf(target);
  if (i >= 0) {
    parent.children[i] = by;
    return true;
  }
  return parent.children.some((c) => c.type === 'element' && replace(c, target, by));
}

/** Slots the sanitized tree moved out of the placeholder (raw HTML can) never reach the page. */
function dropMarked(parent: HastRoot | Element, mark: string): void {
  parent.children = parent.children.filter((c) => {
    if (c.type !== 'element') return true;
    const id = c.properties['id'];
    if (typeof id === 'string' && id.startsWith(mark)) return false;
    dropMarked(c, mark);
    return true;
  });
}

/** A note as plain text (timeline.json's `text`): blocks and list items on lines of their own, raw HTML left out. */
function noteText(nodes: readonly RootContent[]): string {
  const lines = nodes.flatMap((n) =>
    n.type === 'list' ? n.children.map((item) => toString(item, { includeHtml: false })) : [toString(n, { includeHtml: false })],
  );
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}
