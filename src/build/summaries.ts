/**
 * Incident summaries for site-wide pages, on an incremental build: their page order
 * from the cache index alone, the summaries themselves from this build or the cache,
 * and the post bodies the feeds carry.
 */
import type { CacheEntry, SiteCache } from './store/cache.js';
import type { SiteContext } from '../render/context.js';
import { newestFirst } from '../render/indexes.js';
import type { IncidentSummary } from '../render/types.js';

/** Published incidents, newest first (ties by slug): the order of sortSummaries, from the index. */
export function pageOrder(entries: readonly CacheEntry[]): CacheEntry[] {
  return entries
    .flatMap((e) => (e.date === null ? [] : [{ entry: e, date: e.date, slug: e.slug }]))
    .sort(newestFirst)
    .map((x) => x.entry);
}

/** Summaries in page order: rendered in this build, else cached (one missing from both is left out). */
export function summariesInOrder(
  published: readonly CacheEntry[],
  rendered: Record<string, IncidentSummary>,
  cached: Record<string, IncidentSummary>,
): IncidentSummary[] {
  return published.flatMap((e) => {
    const s = rendered[e.file] ?? cached[e.file];
    return s ? [s] : [];
  });
}

/**
 * Feeds carry the newest bodies: from this build's workers (feed-newest.ts) or the cache
 * (authenticated: a body nobody but this user's pm wrote is rendered again); rendered again
 * only when neither has one.
 */
export async function feedBodies(
  newest: readonly IncidentSummary[],
  entries: Record<string, CacheEntry>,
  ctx: { root: string; site: SiteContext; siteKey: string; store: SiteCache | null },
): Promise<void> {
  for (const s of newest) {
    const key = entries[s.file]?.key ?? '';
    const cached = s.contentHtml ? null : (ctx.store?.loadContent(key) ?? null);
    if (cached !== null) s.contentHtml = cached;
    else {
      const { readAndProcess } = await import('./examine.js');
      s.contentHtml ||= (await readAndProcess(ctx.root, s.file, ctx.site, ctx.siteKey)).summary?.contentHtml ?? '';
      ctx.store?.saveContent(key, s.contentHtml);
    }
  }
}

/** Every summary in page order; one missing from the store (a damaged cache) is rendered again. */
export async function summariesOrRender(
  published: readonly CacheEntry[],
  rendered: Record<string, IncidentSummary>,
  ctx: { root: string; site: SiteContext; siteKey: string; store: SiteCache | null },
): Promise<IncidentSummary[]> {
  const missing = published.some((e) => !rendered[e.file]);
  const cached = (missing ? ctx.store?.loadSummaries() : null) ?? {};
  const { readAndProcess } = await import('./examine.js');
  for (const e of published) {
    if (rendered[e.file] || cached[e.file]) continue;
    const summary = (await readAndProcess(ctx.root, e.file, ctx.site, ctx.siteKey)).summary;
    if (summary) cached[e.file] = summary;
  }
  return summariesInOrder(published, rendered, cached);
}
