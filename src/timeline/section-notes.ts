/**
 * What the Timeline section holds besides entries: notes (a disclaimer before the entries,
 * an untimed list item or table row between them, a closing paragraph). They are kept as
 * markdown, in the order written, and shown around and between the timeline's rows.
 */
import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { TableRowEntry } from './table.js';
import type { TimelineEvent } from './types.js';

/** One thing written in the Timeline section, in document order. */
export type SectionItem = { kind: 'event'; event: TimelineEvent; nodes: RootContent[] } | { kind: 'note'; nodes: RootContent[] };

type Note = Extract<SectionItem, { kind: 'note' }>;

/** The paragraph or list a note's lines or items were cut from, so neighbours join again. */
const origin = new WeakMap<RootContent, object>();

/**
 * Adds a block as a note. Consecutive lines of one paragraph (`group` is the paragraph)
 * stay one paragraph; consecutive items of one list (`group` is the list) stay one list.
 */
export function addNote(items: Array<{ kind: string }>, node: RootContent, group?: Paragraph | List): void {
  const last = items[items.length - 1] as Note | undefined;
  const tail = last?.kind === 'note' ? last.nodes[last.nodes.length - 1] : undefined;
  const joins = group !== undefined && tail !== undefined && origin.get(tail) === group;
  if (node.type === 'listItem') {
    if (joins && tail.type === 'list') return void tail.children.push(node);
    return void items.push(note(listOf(node, group as List | undefined), group));
  }
  if (node.type === 'paragraph' && joins && tail.type === 'paragraph') {
    tail.children.push({ type: 'text', value: '\n' }, ...node.children);
    return;
  }
  // A line cut from a paragraph: a copy, without the line's partial position.
  if (node.type === 'paragraph' && group) node = { type: 'paragraph', children: [...node.children] };
  items.push(note(node, group));
}

function note(node: RootContent, group: object | undefined): Note {
  if (group) origin.set(node, group);
  return { kind: 'note', nodes: [node] };
}

function listOf(item: ListItem, parent: List | undefined): List {
  const list: List = { type: 'list', ordered: parent?.ordered ?? false, spread: false, children: [item] };
  if (parent?.ordered) list.start = (parent.start ?? 1) + parent.children.indexOf(item);
  return list;
}

/** A row of a timeline table whose first cell is not a time: its cells as one paragraph. */
export function noteFromRow(row: TableRowEntry): Paragraph {
  const children: PhrasingContent[] = [...row.time];
  if (row.text.length) children.push({ type: 'text', value: ' — ' }, ...row.text);
  const p: Paragraph = { type: 'paragraph', children };
  if (row.cell.position) p.position = row.cell.position;
  return p;
}
