/**
 * The hand-written timeline (README "The Timeline section"): finds the `Timeline` section of a post and
 * reads its entries — list items, paragraphs, heading entries with the paragraphs under
 * them, table rows — into events. Prose that is not an entry is kept as the text of the
 * heading or paragraph entry before it, or, where no entry is open, as a note shown where it
 * was written (a disclaimer before the entries, an untimed item between, a closing note).
 *
 * Events point at mdast nodes; no HTML is made here. document.ts renders the whole post,
 * these entries and notes included, in one pass, and fills each event's `html`.
 */
import type { Heading, List, ListItem, Paragraph, Root, RootContent, Table } from 'mdast';
import { Reporter } from '../diagnostics.js';
import type { DateParts } from '../time/parse-timestamp.js';
import { mapText, plainText, splitLines, trimEdges } from './inline.js';
import { readMarkers, stripMarkers } from './markers.js';
import { readEntry, type EntryState, type PendingEntry } from './entry.js';
import { sectionZone, TIMELINE_TITLE, zoneNote } from './section-zone.js';
import { addNote, noteFromRow, type SectionItem } from './section-notes.js';
import { readTable } from './table.js';
import type { TimelineEvent } from './types.js';

export interface ExtractContext {
  file: string;
  reporter: Reporter;
  /** Zone of timestamps that carry none (the file's `timezone`, canonical). */
  zone: string;
  /** Date for time-only entries before any dated one (t0, else the file's date). */
  date: DateParts | null;
  /** Lines before the markdown body (front-matter); added to every reported line. */
  lineOffset?: number;
}

export interface ExtractResult {
  events: TimelineEvent[];
  /** Indices into tree.children of the Timeline section: heading included, end exclusive. */
  section: { start: number; end: number } | null;
  /** The section's entries and notes in the order they were written. */
  items: SectionItem[];
}

/** Paragraphs made of prose lines, and the paragraph of the source they came from. */
const fromLines = new WeakMap<Paragraph, Paragraph>();

interface Walk {
  st: EntryState;
  entries: PendingEntry[];
  /** Entry that takes the prose after it (a heading or paragraph entry). */
  open: PendingEntry | null;
  /** Entries and notes in document order. */
  items: Array<{ kind: 'event'; entry: PendingEntry } | Extract<SectionItem, { kind: 'note' }>>;
}

/** Reads the Timeline section of a post; never throws on content. */
export function extractTimeline(tree: Root, ctx: ExtractContext): ExtractResult {
  const start = tree.children.findIndex((n) => n.type === 'heading' && TIMELINE_TITLE.test(plainText(n.children)));
  if (start < 0) return { events: [], section: null, items: [] };
  const heading = tree.children[start] as Heading;
  let end = start + 1;
  while (end < tree.children.length) {
    const n = tree.children[end]!;
    if (n.type === 'heading' && n.depth <= heading.depth) break;
    end++;
  }
  const offset = ctx.lineOffset ?? 0;
  const zone = sectionZone(plainText(heading.children), ctx.zone, ctx.reporter, place(heading, offset));
  const st: EntryState = {
    file: ctx.file,
    reporter: ctx.reporter,
    lineOffset: offset,
    zone,
    year: ctx.date?.year ?? null,
    date: ctx.date,
    dated: false,
    prev: null,
  };
  const w: Walk = { st, entries: [], open: null, items: [] };
  for (const node of tree.children.slice(start + 1, end)) block(node, w);
  const events = w.entries.map(finish);
  const items = w.items.map((i): SectionItem => (i.kind === 'event' ? { kind: 'event', event: i.entry.event, nodes: i.entry.nodes } : i));
  return { events, section: { start, end }, items };
}

function push(w: Walk, entry: PendingEntry): void {
  w.entries.push(entry);
  w.items.push({ kind: 'event', entry });
}

function block(node: RootContent, w: Walk): void {
  switch (node.type) {
    case 'heading': {
      const r = readEntry(node.children, place(node, w.st.lineOffset), w.st);
      w.open = r.kind === 'entry' ? r.entry : null;
      if (r.kind === 'entry') push(w, r.entry);
      else if (r.kind === 'none') addNote(w.items, node);
      return;
    }
    case 'paragraph':
      for (const line of splitLines(node)) paragraph(line, node, w);
      return;
    case 'list':
      return list(node, w);
    case 'table':
      if (table(node, w)) return;
      break;
    case 'thematicBreak':
      w.open = null;
      return;
    case 'definition':
    case 'footnoteDefinition':
      return; // rendered document-wide (document.ts)
    default:
      break; // any other block belongs to the open entry, or is a note
  }
  if (w.open) w.open.nodes.push(node);
  else addNote(w.items, node);
}

function paragraph(line: Paragraph, whole: Paragraph, w: Walk): void {
  const r = readEntry(line.children, place(line, w.st.lineOffset), w.st);
  if (r.kind === 'entry') {
    push(w, r.entry);
    w.open = r.entry;
    return;
  }
  if (r.kind === 'none' && !w.open) addNote(w.items, line, whole);
  if (r.kind === 'none' && w.open) {
    // Prose under a heading or paragraph entry: part of its text.
    const last = w.open.nodes[w.open.nodes.length - 1];
    if (last?.type === 'paragraph' && fromLines.get(last) === whole) last.children.push({ type: 'text', value: '\n' }, ...line.children);
    else {
      const p: Paragraph = { type: 'paragraph', children: [...line.children] };
      fromLines.set(p, whole);
      w.open.nodes.push(p);
    }
  } else if (r.kind === 'none' && !r.found && w.entries.length === 0 && setZone(line, w)) {
    return;
  } else if (r.kind === 'none' && !r.found) {
    w.st.reporter.info(
      'timeline/no-timestamp',
      'paragraph in the Timeline section does not start with a timestamp; it is shown as a note in the timeline, not as an event',
      place(line, w.st.lineOffset),
    );
  }
}

/** A note before the first entry such as `All times are CDT.` sets the zone of the entries. */
function setZone(line: Paragraph, w: Walk): boolean {
  const zone = zoneNote(plainText(line.children), w.st.zone, w.st.reporter, place(line, w.st.lineOffset));
  if (zone) w.st.zone = zone;
  return zone !== null;
}

function list(node: List, w: Walk): void {
  // A list without timestamps under a heading entry is part of that entry's text.
  if (w.open && !node.children.some((item) => startsWithTime(item, w.st))) {
    w.open.nodes.push(node);
    return;
  }
  for (const item of node.children) listItem(item, node, w);
  w.open = null;
}

function listItem(item: ListItem, parent: List, w: Walk): void {
  const [first, ...others] = item.children;
  if (first?.type !== 'paragraph') return addNote(w.items, item, parent);
  const r = readEntry(first.children, place(first, w.st.lineOffset), w.st);
  if (r.kind === 'entry') {
    push(w, r.entry);
    r.entry.nodes.push(...others);
    return;
  }
  // A date item or a group label: its nested lists may hold entries.
  const nested = others.filter((o) => o.type === 'list');
  if (r.kind === 'none') addNote(w.items, { ...item, children: nested.length ? [first] : item.children }, parent);
  if (r.kind === 'none' && !r.found && !nested.length) {
    w.st.reporter.info(
      'timeline/no-timestamp',
      'list item in the Timeline section does not start with a timestamp; it is shown as a note in the timeline, not as an event',
      place(first, w.st.lineOffset),
    );
  }
  for (const o of nested) list(o, { ...w, open: null });
}

function table(node: Table, w: Walk): boolean {
  const rows = readTable(node);
  if (!rows) return false;
  for (const row of rows) {
    const r = readEntry(row.time, place(row.cell, w.st.lineOffset), w.st);
    if (r.kind === 'none') addNote(w.items, noteFromRow(row));
    if (r.kind !== 'entry') continue;
    const ev = r.entry.event;
    const m = readMarkers(plainText(row.text), { milestone: ev.milestone, t0: ev.isT0 ?? false, internal: ev.internal });
    Object.assign(ev, { milestone: m.milestone ?? row.milestone, internal: m.internal }, m.t0 ? { isT0: true } : {});
    const text = trimEdges(mapText(row.text, stripMarkers));
    if (r.entry.nodes.length === 0 && text.length) r.entry.nodes.push({ type: 'paragraph', children: text });
    else if (text.length) (r.entry.nodes[0] as Paragraph).children.push({ type: 'text', value: ' — ' }, ...text);
    push(w, r.entry);
  }
  w.open = null;
  return true;
}

function startsWithTime(item: ListItem, st: EntryState): boolean {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return false;
  const probe: EntryState = { ...st, reporter: new Reporter(st.file) };
  return readEntry(first.children, { line: 0, column: 0 }, probe).kind !== 'none';
}

function finish(e: PendingEntry): TimelineEvent {
  // Markers may also be written in the paragraphs under a heading or paragraph entry.
  const ev = e.event;
  const m = { milestone: ev.milestone, t0: ev.isT0 ?? false, internal: ev.internal };
  const nodes = e.nodes
    .map((n): RootContent => {
      if (n.type !== 'paragraph') return n;
      const text = plainText(n.children);
      if (stripMarkers(text) === text) return n;
      readMarkers(text, m);
      return { ...n, children: trimEdges(mapText(n.children, stripMarkers)) };
    })
    .filter((n) => n.type !== 'paragraph' || n.children.length > 0);
  Object.assign(ev, { milestone: m.milestone, internal: m.internal }, m.t0 ? { isT0: true } : {});
  e.event.text = nodes
    .map((n) => blockText(n))
    .filter(Boolean)
    .join('\n\n')
    .trim();
  e.nodes = nodes; // rendered with the whole post (document.ts)
  return e.event;
}

function blockText(n: RootContent): string {
  if ('children' in n) {
    if (n.type === 'list') return n.children.map((c) => blockText(c)).join('\n');
    if (n.type === 'paragraph' || n.type === 'heading' || n.type === 'tableCell') return plainText(n.children);
    return n.children.map((c) => blockText(c as RootContent)).join(n.type === 'tableRow' ? ' | ' : '\n');
  }
  return 'value' in n && n.type !== 'html' ? n.value : '';
}

function place(n: { position?: { start: { line: number; column: number } } }, offset: number): { line: number; column: number } {
  return { line: (n.position?.start.line ?? 0) + offset, column: n.position?.start.column ?? 0 };
}
