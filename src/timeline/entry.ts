/**
 * One timeline entry: the timestamp at the start of a block, the date it belongs to
 * (written, from a date heading, from the entry before — rollover.ts), its markers and
 * written offsets, and the rest as markdown.
 */
import type { BlockContent, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { Reporter } from '../diagnostics.js';
import { parseTimestamp, type DateParts, type TimestampContext, type TimestampOk } from '../time/parse-timestamp.js';
import { mapText, plainText, stripPrefix, trimEdges } from './inline.js';
import { findWritten, leadingMarkers, readMarkers, stripMarkers, type Markers } from './markers.js';
import { relativeTimestamp } from './relative.js';
import { placeAfter, prevEntry, type PrevEntry } from './rollover.js';
import type { TimelineEvent } from './types.js';

/** The reading state carried from one entry to the next. */
export interface EntryState {
  file: string;
  reporter: Reporter;
  lineOffset: number;
  /** Zone of entries that carry none (section heading, else file). */
  zone: string;
  /** Year for dates written without one. */
  year: number | null;
  /** Date for time-only entries: t0's or the file's, then the last date line's or entry's. */
  date: DateParts | null;
  /** True once a date line or an entry of the section has set `date`. */
  dated: boolean;
  /** The entry before, since the last date line (for the roll-over). */
  prev: PrevEntry | null;
}

/** An entry being read: its event and the markdown nodes that make its text. */
export interface PendingEntry {
  event: TimelineEvent;
  nodes: RootContent[];
}

export type EntryRead = { kind: 'entry'; entry: PendingEntry } | { kind: 'date' } | { kind: 'none'; found: boolean };

interface Place {
  line: number;
  column: number;
}

/** Reads a block's phrasing content as an entry, a date line, or nothing. */
export function readEntry(children: readonly PhrasingContent[], place: Place, st: EntryState): EntryRead {
  const all = plainText(children);
  const lead = leadingMarkers(all);
  const text = all.slice(lead);
  // Dates without a year follow the section's current date (Dec 31 → Jan 1 is the next year).
  const ctx: TimestampContext = { zone: st.zone, date: st.date, year: st.date?.year ?? st.year, after: st.dated ? st.date : null };
  let r = parseTimestamp(text, ctx);
  if (!r.ok) {
    if (r.found) st.reporter.error('timeline/timestamp', r.reason, place);
    const rel = r.found ? null : relativeTimestamp(text, st.zone);
    if (rel)
      return {
        kind: 'entry',
        entry: build(
          rel.r,
          stripPrefix(children, lead),
          readMarkers(all.slice(0, lead) + rel.r.rest, { milestone: null, t0: false, internal: false }),
          place,
          st,
          rel.relative,
        ),
      };
    return { kind: 'none', found: r.found };
  }
  const markers = readMarkers(all.slice(0, lead) + r.rest, { milestone: null, t0: false, internal: false });
  const restText = stripMarkers(r.rest).trim();
  if (r.time === null && restText === '') {
    if (r.yearRolled) yearNote(text, r, place, st);
    st.date = r.date;
    st.dated = true;
    st.prev = null;
    return { kind: 'date' };
  }
  if (r.at === null) {
    st.reporter.error(
      'timeline/no-date',
      `"${text.slice(0, r.length).trim()}" has no date and none is known yet; add a date heading or a date in the front-matter`,
      place,
    );
    return { kind: 'none', found: true };
  }
  const prev = st.prev;
  if (!r.hasDate && prev) {
    const placed = placeAfter(text, ctx, r, prev);
    r = placed.r;
    if (placed.note) st.reporter.warn(placed.note.rule, placed.note.message, place);
  }
  if (prev && r.at! < prev.at && r.notes.some((n) => n.kind === 'overlap')) {
    // A DST overlap: order in the timeline says the second occurrence was meant.
    const later = parseTimestamp(text, { ...ctx, ...(r.date ? { date: r.date } : {}), preferLater: true });
    if (later.ok && later.at !== null && later.at >= prev.at) r = later;
  }
  if (r.yearRolled) yearNote(text, r, place, st);
  if (r.weekday && r.date)
    st.reporter.info(
      'timeline/weekday',
      `${stamp(text, r)} is read as ${fmtDate(r.date)}, the nearest such day to ${fmtDate(ctx.after ?? ctx.date ?? null)}; write the date to choose another`,
      place,
    );
  if (r.time === null)
    st.reporter.info(
      'timeline/date-only',
      'this entry has a date but no time: it is shown as the date alone, sorted at the start of that day, and counts in metrics only when no entry with a time has its milestone',
      place,
    );
  report(r, place, st.reporter);
  st.prev = prevEntry(r);
  st.date = r.date;
  st.dated = true;
  return { kind: 'entry', entry: build(r, stripPrefix(children, lead), markers, place, st) };
}

function build(
  r: TimestampOk,
  children: readonly PhrasingContent[],
  markers: Markers,
  place: Place,
  st: EntryState,
  relative?: TimelineEvent['relative'],
): PendingEntry {
  let rest = stripPrefix(children, r.length);
  rest = mapText(rest, stripMarkers);
  const written = findWritten(plainText(rest));
  if (written) {
    let done = false;
    rest = mapText(rest, (v) => {
      if (done || !v.includes(written.match)) return v;
      done = true;
      return v.replace(written.match, '');
    });
    written.written.place = place;
  }
  rest = trimEdges(rest);
  const event: TimelineEvent = {
    at: r.at!,
    end: r.end,
    zone: r.zone.zone,
    approximate: r.approximate || r.time === null,
    text: '',
    html: '',
    milestone: markers.milestone,
    internal: markers.internal,
    source: { file: st.file, line: place.line, column: place.column },
  };
  if (markers.t0) event.isT0 = true;
  if (r.time === null && !relative) event.dateOnly = true;
  if (relative) Object.assign(event, { relative, derived: true });
  else if (r.weekday) event.derived = true;
  if (r.time?.precision) event.precision = r.time.precision;
  if (written) event.written = written.written;
  const nodes: BlockContent[] = rest.length ? [{ type: 'paragraph', children: rest } satisfies Paragraph] : [];
  return { event, nodes };
}

function report(r: TimestampOk, place: Place, reporter: Reporter): void {
  for (const note of r.notes) {
    if (note.kind === 'gap') reporter.warn('timeline/dst-gap', note.message, place);
    else if (note.kind === 'overlap') reporter.warn('timeline/dst-overlap', note.message, place);
    else reporter.info('timeline/abbreviation', note.message, place);
  }
}

function stamp(text: string, r: TimestampOk): string {
  return text.slice(0, r.length).trim();
}

/** A date without a year that wrapped past New Year. */
function yearNote(text: string, r: TimestampOk, place: Place, st: EntryState): void {
  const msg = `${stamp(text, r)} is more than half a year before the date above it (${fmtDate(st.date)}); read as ${r.date?.year ?? '?'}`;
  st.reporter.info('timeline/rollover', msg, place);
}

function fmtDate(d: DateParts | null): string {
  if (!d) return '?';
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
