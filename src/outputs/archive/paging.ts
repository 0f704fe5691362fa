/**
 * How a list is cut into pages. Where those pages and the list's feed are written is
 * in outputs/paths.ts (pageUrl, listFeedUrl).
 */

/** Splits a list into pages of `size` (an empty list is one empty page). */
export function paginate<T>(list: readonly T[], size: number): T[][] {
  if (list.length === 0) return [[]];
  const pages: T[][] = [];
  for (let i = 0; i < list.length; i += size) pages.push(list.slice(i, i + size));
  return pages;
}
