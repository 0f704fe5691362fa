/**
 * Where the Timeline section's notes go around a published timeline: a note written before
 * the first entry above the rows, one written after the last entry below them, one written
 * between entries as an untimed row after the entry it followed. A note whose entry is not
 * shown (an `[internal]` entry in a public build) follows the nearest shown entry before it.
 */
import type { TimelineJson, TimelineNoteJson } from './types.js';

export interface TimelineNotes {
  /** Sanitized HTML and plain text of each note, with the line of the hand-written entry written before it. */
  notes: Array<{ after: number | null; html: string; text: string }>;
  /** Lines of the hand-written entries in document order. */
  order: number[];
}

export interface PlacedNotes {
  before: string[];
  after: string[];
  /** Notes shown after the event at this index of `json.events`. */
  rows: Map<number, string[]>;
}

/** Places notes among the events of `json`; `file` is the post's path (the events' source). */
export function placeNotes(notes: TimelineNotes | undefined, json: TimelineJson, file: string): PlacedNotes {
  const placed: PlacedNotes = { before: [], after: [], rows: new Map() };
  for (const n of notesJson(notes, json, file)) {
    if (n.after === null) placed.before.push(n.html);
    else if (n.after === json.events.length - 1 && n.last) placed.after.push(n.html);
    else placed.rows.set(n.after, [...(placed.rows.get(n.after) ?? []), n.html]);
  }
  return placed;
}

/**
 * The notes as timeline.json publishes them, in document order: `after` is the index in
 * `events` of the event a note follows (null: before the first). `last` marks notes
 * written after the last entry, shown below the rows rather than as rows.
 */
export function notesJson(notes: TimelineNotes | undefined, json: TimelineJson, file: string): Array<TimelineNoteJson & { last: boolean }> {
  if (!notes) return [];
  const shown = new Map<number, number>();
  json.events.forEach((e, i) => {
    if (e.source.file === file && e.source.label === undefined) shown.set(e.source.line, i);
  });
  const last = notes.order[notes.order.length - 1];
  const out: Array<TimelineNoteJson & { last: boolean }> = [];
  for (const note of notes.notes) {
    if (!note.html) continue;
    const { html, text } = note;
    if (note.after === null) out.push({ after: null, text, html, last: false });
    else if (note.after === last && json.events.length) out.push({ after: json.events.length - 1, text, html, last: true });
    else out.push({ after: note.after === last ? null : anchor(note.after, notes.order, shown), text, html, last: false });
  }
  return out;
}

function anchor(line: number, order: readonly number[], shown: ReadonlyMap<number, number>): number | null {
  for (let i = order.lastIndexOf(line); i >= 0; i--) {
    const row = shown.get(order[i]!);
    if (row !== undefined) return row;
  }
  return null;
}
