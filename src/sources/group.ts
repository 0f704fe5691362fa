/**
 * `group: <window>` folds events of the same message shape (shape.ts) into one:
 * a run starts at its first event and takes every event of that shape up to
 * `window` later; the folded event keeps the first event's literal text and
 * source line, and gets a `count`, an `end` (the last instant) and a text such as
 * `47× Failed password for root from 121.18.238.104 · 22:23:17–22:31:02` (span in
 * the source's zone). Only the open runs are held in memory; runs that can no
 * longer grow are flushed as the log advances.
 */
import { DateTime } from 'luxon';
import type { TimelineEvent } from '../timeline/types.js';
import { luxonZone } from '../time/zones.js';
import { messageShape } from './shape.js';
import { escapeHtml } from './text.js';

interface Run {
  first: TimelineEvent;
  count: number;
  last: number;
}

function clock(ms: number, zone: string): string {
  return DateTime.fromMillis(Math.floor(ms), { zone: luxonZone(zone) }).toFormat('HH:mm:ss');
}

/**
 * Gives an event its display text once its count and span are final: `N× text`
 * when it stands for several lines, ` · HH:mm:ss–HH:mm:ss` when they span time.
 */
export function finalizeCount(ev: TimelineEvent, count: number, last: number): TimelineEvent {
  if (count <= 1) return ev;
  ev.count = count;
  let text = `${count}× ${ev.text}`;
  if (last > ev.at) {
    text += ` · ${clock(ev.at, ev.zone)}–${clock(last, ev.zone)}`;
    ev.end = last;
  }
  ev.text = text;
  ev.html = escapeHtml(text);
  return ev;
}

export class Grouper {
  private readonly open = new Map<string, Run>();
  private latest = Number.NEGATIVE_INFINITY;
  private added = 0;

  constructor(
    private readonly windowMs: number,
    private readonly emit: (ev: TimelineEvent) => void,
  ) {}

  add(ev: TimelineEvent): void {
    const shape = messageShape(ev.text);
    const n = ev.count ?? 1;
    const run = this.open.get(shape);
    if (run && ev.at >= run.first.at && ev.at - run.first.at <= this.windowMs) {
      run.count += n;
      if (ev.at > run.last) run.last = ev.at;
    } else {
      if (run) this.close(run);
      this.open.set(shape, { first: ev, count: n, last: ev.at });
    }
    if (ev.at > this.latest) this.latest = ev.at;
    if (++this.added % 4096 === 0) this.sweep();
  }

  /** Emits the runs whose window has passed. */
  private sweep(): void {
    const limit = this.latest - this.windowMs;
    for (const [shape, run] of this.open) {
      if (run.first.at < limit) {
        this.close(run);
        this.open.delete(shape);
      }
    }
  }

  private close(run: Run): void {
    this.emit(finalizeCount(run.first, run.count, run.last));
  }

  /** Emits every open run. */
  flush(): void {
    for (const run of this.open.values()) this.close(run);
    this.open.clear();
  }
}
