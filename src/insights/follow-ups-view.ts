/**
 * The follow-ups pages' view models. Every item in one order — open ones first, then
 * done ones, each grouped by owner (open items soonest due first) — cut into pages of
 * `page_size` items like the incident lists (`follow-ups/`, `follow-ups/page/2/` …), so
 * no page grows with the archive. An owner's group split across pages gets its heading
 * again, marked continued. The first page also carries the counts and the table of
 * owners, which links to the page where each owner's open and done items begin.
 * Without a `today` the pages carry each open item's due day for the small script
 * that marks overdue ones in the reader's browser (and the owners table every open
 * due day of its owner, so its counts cover items on other pages).
 */
import { Slugger } from '../slug.js';
import { paginate } from '../outputs/archive/paging.js';
import type { FollowUpItem, FollowUpsJson } from './follow-ups.js';
import { byOwner } from './follow-ups.js';

type Section = 'open' | 'done';

interface Placed {
  item: FollowUpItem;
  section: Section;
  /** The owner group's anchor, the same on every page. */
  id: string;
  owner: string;
}

export interface FollowUpsPageLinks {
  /** Link to an incident page from the page being made. */
  incident: (slug: string) => string;
  /** Link to page `n` (1-based) of the follow-ups from the page being made. */
  page: (n: number) => string;
}

/** Every item in page order, with its group's anchor. */
export function placeItems(data: FollowUpsJson): Placed[] {
  const ids = new Slugger();
  const placed: Placed[] = [];
  const add = (items: FollowUpItem[], section: Section): void => {
    for (const g of byOwner(items)) {
      const id = ids.slug(`${section}-${g.owner ?? 'no-owner'}`);
      for (const item of g.items) placed.push({ item, section, id, owner: g.owner ?? 'No owner' });
    }
  };
  add(data.items.filter((i) => !i.done).sort(dueFirst), 'open');
  add(
    data.items.filter((i) => i.done),
    'done',
  );
  return placed;
}

/** The items of each page, in page order (one empty page when there are none). */
export function followUpsChunks(data: FollowUpsJson, pageSize: number): Placed[][] {
  return paginate(placeItems(data), pageSize);
}

/** Page `n` (1-based) of `chunks`: its groups, and on the first page the counts and owners. */
export function followUpsView(data: FollowUpsJson, chunks: readonly Placed[][], n: number, links: FollowUpsPageLinks): Record<string, unknown> {
  const chunk = chunks[n - 1] ?? [];
  const before = n > 1 ? chunks[n - 2]?.at(-1) : undefined;
  const row = (i: FollowUpItem, id: string): Record<string, unknown> => ({
    ...i,
    issues: i.issues.map((l) => ({ url: l.url, label: shortLabel(l.label) })),
    href: links.incident(i.incident.slug),
    markable: data.today === null && !i.done && i.due !== null,
    group: id,
  });
  const groups = (section: Section): Array<Record<string, unknown>> => {
    const out: Array<{ owner: string; id: string; continued: boolean; items: Array<Record<string, unknown>> }> = [];
    for (const p of chunk) {
      if (p.section !== section) continue;
      let g = out.at(-1);
      if (!g || g.id !== p.id) out.push((g = { owner: p.owner, id: p.id, continued: !g && before?.id === p.id, items: [] }));
      g.items.push(row(p.item, p.id));
    }
    return out;
  };
  const open = groups('open');
  const done = groups('done');
  return {
    data,
    first: n === 1,
    judged: data.today !== null,
    open,
    done,
    // a section's heading on every page that holds some of it; its "nothing" line only on the page where it would begin
    showOpen: open.length > 0 || (n === 1 && data.open === 0),
    showDone: done.length > 0 || (data.done === 0 && n === chunks.length),
    ...(n === 1 ? firstPage(data, chunks, links) : {}),
  };
}

function firstPage(data: FollowUpsJson, chunks: readonly Placed[][], links: FollowUpsPageLinks): Record<string, unknown> {
  const where = new Map<string, string>(); // group id → link to where it begins
  const ids = new Map<string, string>(); // section + owner → group id
  const dues = new Map<string, string[]>();
  chunks.forEach((chunk, i) => {
    for (const p of chunk) {
      if (!where.has(p.id)) where.set(p.id, `${i === 0 ? '' : links.page(i + 1)}#${p.id}`);
      ids.set(`${p.section}\0${p.item.owner ?? ''}\0${p.item.owner === null}`, p.id);
      if (p.section === 'open' && p.item.due !== null) (dues.get(p.id) ?? dues.set(p.id, []).get(p.id)!).push(p.item.due);
    }
  });
  const anchorOf = (section: Section, owner: string | null): string | null => ids.get(`${section}\0${owner ?? ''}\0${owner === null}`) ?? null;
  return {
    incidents: new Set(data.items.map((i) => i.incident.slug)).size,
    owners: data.owners.map((o) => {
      const openId = anchorOf('open', o.owner);
      const doneId = anchorOf('done', o.owner);
      return {
        ...o,
        name: o.owner ?? 'No owner',
        openHref: openId ? where.get(openId) : null,
        doneHref: doneId ? where.get(doneId) : null,
        dues: data.today === null && openId ? (dues.get(openId) ?? []).join(' ') : null,
      };
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
