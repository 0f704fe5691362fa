/**
 * Turns parse outcomes into timeline events and diagnostics for one source:
 * cleans and escapes the text, attaches `file:line` and the label, counts and
 * reports malformed records (the first few with their line, then a total), reports
 * timestamp notes (DST gaps/overlaps, year roll-over), and hands events to the
 * grouper when the source has a `group:` window.
 */
import { Reporter } from '../diagnostics.js';
import type { TimelineEvent } from '../timeline/types.js';
import { finalizeCount, Grouper } from './group.js';
import { logLine } from '../text/controls.js';
import { logText } from '../text/escape.js';
import { bad, type ParsedRecord, type ParseOutcome } from './types.js';

/** How many malformed records / notes are reported with their line. */
export const REPORTED = 5;

export class Collector {
  readonly events: TimelineEvent[] = [];
  matched = 0;
  malformed = 0;
  private notes = 0;
  private readonly grouper: Grouper<ParsedRecord> | null;

  constructor(
    private readonly reporter: Reporter,
    private readonly label: string | undefined,
    groupWindowMs: number | null,
  ) {
    this.grouper =
      groupWindowMs === null
        ? null
        : new Grouper<ParsedRecord>(
            groupWindowMs,
            (ev) => this.events.push(ev),
            (rec, line) => this.event(rec, line),
          );
  }

  /**
   * One record that passed the filters; `line` is where it starts, in `file` when the
   * source is a folder of files (a Slack export), else in the source's own file.
   */
  add(outcome: ParseOutcome, line: number, file?: string): void {
    if (outcome === null) return;
    if (!outcome.ok) {
      this.malformed++;
      if (this.malformed <= REPORTED) {
        inFile(this.reporter.report(outcome.level, outcome.rule, outcome.reason, { line, column: 1 }), file);
      }
      return;
    }
    if (file !== undefined) outcome.file = file;
    if (outcome.note && this.notes++ < REPORTED) {
      inFile(this.reporter.report(outcome.noteLevel ?? 'warning', 'source/time-note', outcome.note, { line, column: 1 }), file);
    }
    this.matched++;
    // Grouping reads the raw text's shape; only events that are built get cleaned text.
    if (this.grouper) this.grouper.add(outcome, line);
    else this.events.push(finalizeCount(this.event(outcome, line), outcome.count ?? 1, outcome.at));
  }

  private event(rec: ParsedRecord, line: number): TimelineEvent {
    // A label is shown on pages and printed on terminals: no escape sequence survives.
    const raw = rec.label ?? this.label;
    const label = raw === undefined ? undefined : logLine(raw);
    const file = rec.file ?? this.reporter.file;
    const { text, html } = logText(rec.text);
    const ev: TimelineEvent = {
      at: rec.at,
      end: rec.end ?? null,
      zone: rec.zone,
      approximate: false,
      text,
      html,
      milestone: rec.milestone ?? null,
      internal: rec.internal ?? false,
      source: label === undefined ? { file, line } : { file, line, label },
    };
    if (rec.precision) ev.precision = rec.precision;
    return ev;
  }

  /**
   * Runs `body` (parse, filter, add) for the record starting on `line`: an exception
   * there (a stack overflow on a hostile record) is that record's problem, never the
   * whole source's.
   */
  attempt(line: number, body: () => void): void {
    try {
      body();
    } catch (err) {
      const why =
        err instanceof RangeError ? 'it is nested too deeply or too large to read' : `it could not be read (${err instanceof Error ? err.name : 'error'})`;
      this.add(bad(`line skipped: ${why}`), line);
    }
  }

  /** Flushes open groups and adds the summary diagnostics. */
  finish(lines: number, filterText: string): void {
    this.grouper?.flush();
    this.events.sort((a, b) => a.at - b.at);
    if (this.malformed > 0) {
      const listed = Math.min(this.malformed, REPORTED);
      this.reporter.warn(
        'source/malformed-summary',
        `${this.malformed} of ${lines} lines could not be read and were left out` + (this.malformed > listed ? ` (the first ${listed} are listed)` : ''),
      );
    }
    if (this.notes > REPORTED) {
      this.reporter.warn('source/time-note', `${this.notes} timestamps needed a remark (the first ${REPORTED} are listed)`);
    }
    if (this.matched === 0 && this.malformed === 0 && lines > 0) {
      this.reporter.warn('source/no-events', filterText ? `no line matched (${filterText}): the source adds no event` : 'the source adds no event');
    }
  }
}

/** Points a diagnostic at the file of a folder source the record came from. */
function inFile(d: { file: string }, file: string | undefined): void {
  if (file !== undefined) d.file = file;
}
