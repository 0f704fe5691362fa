/**
 * `group: <window>` folds events of the same message shape (shape.ts) into one:
 * a run starts at its first event and takes every event of that shape up to
 * `window` later; the folded event keeps the first event's literal text and
 * source line, and gets a `count`, an `end` (the last instant) and the text
 * `47× Failed password for root from 121.18.238.104`. The span is no part of the
 * text read here: the published JSON adds it in the display zone, with its zone
 * label (`· 23:23:17–23:31:02 CET`, timeline/json.ts), so it always agrees with the
 * local times shown next to it. Only the open runs are held in memory; runs that can
 * no longer grow are flushed as the log advances.
 */
import type { TimelineEvent } from '../timeline/types.js';
import { copyShape, sameShape, scanShape } from './shape.js';
import { escapeHtml } from '../text/escape.js';

interface Run {
  shape: Uint16Array;
  first: TimelineEvent;
  count: number;
  last: number;
}

/** What a run needs of a record before its event is built (`count` absent = 1). */
export interface GroupInput {
  at: number;
  text: string;
  count?: number;
}

/**
 * Gives an event its count once it is final: `N× text` when it stands for several
 * lines, and `end` = the last instant when they span time.
 */
export function finalizeCount(ev: TimelineEvent, count: number, last: number): TimelineEvent {
  if (count <= 1) return ev;
  ev.count = count;
  if (last > ev.at) ev.end = last;
  ev.text = `${count}× ${ev.text}`;
  ev.html = escapeHtml(ev.text);
  return ev;
}

export class Grouper<R extends GroupInput> {
  /** Open runs by shape hash (a list, in case two shapes share a hash). */
  private readonly open = new Map<number, Run[]>();
  private latest = Number.NEGATIVE_INFINITY;
  private added = 0;

  /** `build` makes the event of a record that starts a run (folded records build nothing). */
  constructor(
    private readonly windowMs: number,
    private readonly emit: (ev: TimelineEvent) => void,
    private readonly build: (rec: R, line: number) => TimelineEvent,
  ) {}

  /** Adds a record read at `line`. */
  add(rec: R, line: number): void {
    const at = rec.at;
    const count = rec.count ?? 1;
    const hash = scanShape(rec.text);
    let runs = this.open.get(hash);
    if (runs === undefined) {
      runs = [];
      this.open.set(hash, runs);
    }
    let index = 0;
    while (index < runs.length && !sameShape(runs[index]!.shape)) index++;
    const run = runs[index];
    if (run !== undefined && at >= run.first.at && at - run.first.at <= this.windowMs) {
      run.count += count;
      if (at > run.last) run.last = at;
    } else {
      if (run !== undefined) this.close(run);
      runs[index] = { shape: copyShape(), first: this.build(rec, line), count, last: at };
    }
    if (at > this.latest) this.latest = at;
    if (++this.added % 4096 === 0) this.sweep();
  }

  /** Emits the runs whose window has passed. */
  private sweep(): void {
    const limit = this.latest - this.windowMs;
    for (const [hash, runs] of this.open) {
      const keep = runs.filter((run) => run.first.at >= limit);
      for (const run of runs) if (run.first.at < limit) this.close(run);
      if (keep.length === 0) this.open.delete(hash);
      else if (keep.length < runs.length) this.open.set(hash, keep);
    }
  }

  private close(run: Run): void {
    this.emit(finalizeCount(run.first, run.count, run.last));
  }

  /** Emits every open run. */
  flush(): void {
    for (const runs of this.open.values()) for (const run of runs) this.close(run);
    this.open.clear();
  }
}
