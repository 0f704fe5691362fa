/**
 * How a list is cut into pages. Where those pages and the list's feed are written is
 * in outputs/paths.ts (pageUrl, listFeedUrl).
 */
import { pageUrl } from '../paths.js';

/** Splits a list into pages of `size` (an empty list is one empty page). */
export function paginate<T>(list: readonly T[], size: number): T[][] {
  if (list.length === 0) return [[]];
  const pages: T[][] = [];
  for (let i = 0; i < list.length; i += size) pages.push(list.slice(i, i + size));
  return pages;
}

export interface PageLinks {
  href: (k: number) => string;
  prev: string | null;
  next: string | null;
  pager: {
    many: boolean;
    current: number;
    total: number;
    prev: string | null;
    next: string | null;
    first: string | null;
    last: string | null;
    labels: PagerLabels;
  };
}

export interface PagerLabels {
  first: string;
  prev: string;
  next: string;
  last: string;
}

/** Incident lists run newest first. */
export const NEWEST_FIRST: PagerLabels = { first: '« Newest', prev: '‹ Newer', next: 'Older ›', last: 'Oldest »' };
/** Lists in no time order (follow-ups). */
export const FIRST_TO_LAST: PagerLabels = { first: '« First', prev: '‹ Previous', next: 'Next ›', last: 'Last »' };

/**
 * Links of page `n` of `total` of the list whose first page is `first`, from a page whose
 * root prefix is `root`: `prev`/`next` (for the head's rel links) and the pager partial's data.
 */
export function pageLinks(first: string, n: number, total: number, root: string, labels: PagerLabels): PageLinks {
  const href = (k: number): string => `${root}${pageUrl(first, k)}`;
  const prev = n > 1 ? href(n - 1) : null;
  const next = n < total ? href(n + 1) : null;
  const pager = { many: total > 1, current: n, total, prev, next, first: n > 1 ? href(1) : null, last: n < total ? href(total) : null, labels };
  return { href, prev, next, pager };
}
