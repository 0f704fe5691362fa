/**
 * Where the Timeline section's notes go around a published timeline: a note written before
 * the first entry above the rows, one written after the last entry below them, one written
 * between entries as an untimed row after the entry it followed. A note whose entry is not
 * shown (an `[internal]` entry in a public build) follows the nearest shown entry before it.
 */
import type { TimelineJson } from './types.js';

export interface TimelineNotes {
  /** Sanitized HTML of each note, with the line of the hand-written entry written before it. */
  notes: Array<{ after: number | null; html: string }>;
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
  if (!notes) return placed;
  const shown = new Map<number, number>();
  json.events.forEach((e, i) => {
    if (e.source.file === file && e.source.label === undefined) shown.set(e.source.line, i);
  });
  const last = notes.order[notes.order.length - 1];
  for (const note of notes.notes) {
    if (!note.html) continue;
    if (note.after === null) placed.before.push(note.html);
    else if (note.after === last) placed.after.push(note.html);
    else {
      const row = anchor(note.after, notes.order, shown);
      if (row === null) placed.before.push(note.html);
      else placed.rows.set(row, [...(placed.rows.get(row) ?? []), note.html]);
    }
  }
  return placed;
}

function anchor(line: number, order: readonly number[], shown: ReadonlyMap<number, number>): number | null {
  for (let i = order.lastIndexOf(line); i >= 0; i--) {
    const row = shown.get(order[i]!);
    if (row !== undefined) return row;
  }
  return null;
}
