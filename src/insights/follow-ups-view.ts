/**
 * The follow-ups page's view model: open items then done ones, each grouped by owner;
 * open items soonest due first. Without a `today` the page carries each open item's
 * due day for the small script that marks overdue ones in the reader's browser.
 */
import { Slugger } from '../slug.js';
import type { FollowUpItem, FollowUpsJson } from './follow-ups.js';
import { byOwner } from './follow-ups.js';

export function followUpsView(data: FollowUpsJson, hrefOf: (slug: string) => string): Record<string, unknown> {
  const ids = new Slugger();
  const row = (i: FollowUpItem): Record<string, unknown> => ({
    ...i,
    issues: i.issues.map((l) => ({ url: l.url, label: shortLabel(l.label) })),
    href: hrefOf(i.incident.slug),
    markable: data.today === null && !i.done && i.due !== null,
  });
  const section = (items: FollowUpItem[], prefix: string): Array<Record<string, unknown>> =>
    byOwner(items).map((g) => ({
      owner: g.owner ?? 'No owner',
      id: ids.slug(`${prefix}-${g.owner ?? 'no-owner'}`),
      items: g.items.map(row),
    }));
  const open = data.items.filter((i) => !i.done).sort(dueFirst);
  const sections = { open: section(open, 'open'), done: section(data.items.filter((i) => i.done), 'done') };
  const anchor = (owner: string, list: Array<Record<string, unknown>>): string | null =>
    (list.find((g) => g['owner'] === owner)?.['id'] as string | undefined) ?? null;
  return {
    data,
    incidents: new Set(data.items.map((i) => i.incident.slug)).size,
    judged: data.today !== null,
    open: sections.open,
    done: sections.done,
    owners: data.owners.map((o) => {
      const name = o.owner ?? 'No owner';
      return { ...o, name, openId: anchor(name, sections.open), doneId: anchor(name, sections.done) };
    }),
  };
}

/** A URL written as the link: `wiki.example.org/…/457` (host and last part), the whole URL in the href. */
function shortLabel(label: string): string {
  const m = /^https?:\/\/([^/?#]+)(.*)$/i.exec(label);
  if (!m) return label;
  const rest = (m[2] ?? '').replace(/\/+$/, '');
  const last = rest.slice(rest.lastIndexOf('/') + 1);
  return rest.length <= 16 ? `${m[1]}${rest}` : `${m[1]}/…/${last.length > 16 ? `${last.slice(0, 15)}…` : last}`;
}

/** Soonest due first, undated last; stable otherwise (newest incident first). */
function dueFirst(a: FollowUpItem, b: FollowUpItem): number {
  if (a.due === b.due) return 0;
  if (a.due === null) return 1;
  if (b.due === null) return -1;
  return a.due < b.due ? -1 : 1;
}
