/**
 * `follow-ups.json` (schema `pm.follow-ups/1`): every action item of every published
 * incident, newest incident first and in document order within one, with counts by
 * owner. `overdue` is judged against `today` (`--today`, SOURCE_DATE_EPOCH) and is
 * null without one: the build never reads the clock.
 */
import type { IncidentSummary } from '../render/types.js';
import type { IssueLink } from './types.js';

export interface FollowUpItem {
  text: string;
  owner: string | null;
  due: string | null;
  done: boolean;
  /** Open and due before `today`; null when the build was given no day. */
  overdue: boolean | null;
  issues: IssueLink[];
  incident: { slug: string; title: string; url: string; date: string };
  /** Where the item is written. */
  source: { file: string; line: number };
}

export interface OwnerCounts {
  owner: string | null;
  open: number;
  done: number;
  overdue: number | null;
}

export interface FollowUpsJson {
  schema: 'pm.follow-ups/1';
  title: string;
  today: string | null;
  count: number;
  open: number;
  done: number;
  overdue: number | null;
  /** By owner name (code-point order), items without an owner last. */
  owners: OwnerCounts[];
  items: FollowUpItem[];
}

export function followUpsData(sorted: readonly IncidentSummary[], title: string, today: string | null, url: (path: string) => string): FollowUpsJson {
  const items: FollowUpItem[] = sorted.flatMap((s) =>
    (s.actions ?? []).map((a) => ({
      text: a.text,
      owner: a.owner,
      due: a.due,
      done: a.done,
      overdue: today === null ? null : !a.done && a.due !== null && a.due < today,
      issues: a.issues.map((i) => ({ ...i })),
      incident: { slug: s.slug, title: s.title, url: url(s.url), date: s.dateIso },
      source: { file: s.file, line: a.line },
    })),
  );
  const open = items.filter((i) => !i.done).length;
  return {
    schema: 'pm.follow-ups/1',
    title,
    today,
    count: items.length,
    open,
    done: items.length - open,
    overdue: today === null ? null : items.filter((i) => i.overdue).length,
    owners: ownerCounts(items, today !== null),
    items,
  };
}

export function byOwner<T extends { owner: string | null }>(items: readonly T[]): Array<{ owner: string | null; items: T[] }> {
  const map = new Map<string | null, T[]>();
  for (const i of items) {
    const list = map.get(i.owner);
    if (list) list.push(i);
    else map.set(i.owner, [i]);
  }
  return [...map].map(([owner, list]) => ({ owner, items: list })).sort((a, b) => compareOwners(a.owner, b.owner));
}

function ownerCounts(items: readonly FollowUpItem[], judged: boolean): OwnerCounts[] {
  return byOwner(items).map(({ owner, items: list }) => ({
    owner,
    open: list.filter((i) => !i.done).length,
    done: list.filter((i) => i.done).length,
    overdue: judged ? list.filter((i) => i.overdue).length : null,
  }));
}

function compareOwners(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
