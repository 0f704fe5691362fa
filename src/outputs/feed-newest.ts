/**
 * The feeds carry the bodies of the BODY_ENTRIES newest incidents. A build worker sends a
 * body back only while its incident is among the newest the worker has rendered (each of the
 * site's newest is, when it is rendered), and the main process keeps a body only while it is
 * among the newest it has received: the feeds never render a post a second time, and no
 * process holds every body.
 */
import { BODY_ENTRIES } from './feed-common.js';
import { newestFirst } from '../render/indexes.js';

interface Dated {
  date: number;
  slug: string;
}

export class NewestBodies<T extends Dated> {
  private readonly top: T[] = [];

  /** Counts `item`; says whether it is among the newest so far and which item it pushed out. */
  add(item: T): { kept: boolean; dropped: T | null } {
    const top = this.top;
    const last = top[top.length - 1];
    if (top.length >= BODY_ENTRIES && last && newestFirst(item, last) >= 0) return { kept: false, dropped: null };
    let i = top.length;
    while (i > 0 && newestFirst(item, top[i - 1]!) < 0) i--;
    top.splice(i, 0, item);
    return { kept: true, dropped: top.length > BODY_ENTRIES ? (top.pop() ?? null) : null };
  }
}

/** For the main process: drops each body received once it is not among the newest received. */
export function keepNewestBodies(): (summary: (Dated & { contentHtml: string }) | null) => void {
  const newest = new NewestBodies<Dated & { contentHtml: string }>();
  return (summary) => {
    if (!summary?.contentHtml) return;
    const { kept, dropped } = newest.add(summary);
    if (!kept) summary.contentHtml = '';
    if (dropped) dropped.contentHtml = '';
  };
}
