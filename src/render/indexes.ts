/**
 * Site-wide pages built from incident summaries only (never from the posts again):
 * the index grouped by year, the tag index with counts, one page per tag, the
 * services (archive/services.ts) — each list paginated (archive/list-pages.ts) — and 404.
 */
import type { Tag } from '../incident/types.js';
import type { SiteContext } from './context.js';
import type { IncidentSummary, Page } from './types.js';
import { fileForUrl } from '../outputs/urls.js';
import { HOME_URL, NOT_FOUND_PATH } from '../outputs/paths.js';
import { listPages, viewCache } from '../outputs/archive/list-pages.js';
import { renderServices } from '../outputs/archive/services.js';

/** Newest first; ties broken by slug so the order never depends on discovery order. */
export function sortSummaries(list: readonly IncidentSummary[]): IncidentSummary[] {
  return [...list].sort(newestFirst);
}

/** Page order: newest first, ties by slug (the cache index sorts its rows with it too). */
export function newestFirst(a: { date: number; slug: string }, b: { date: number; slug: string }): number {
  return b.date - a.date || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

export interface TagEntry extends Tag {
  count: number;
  incidents: IncidentSummary[];
}

/** Tags sorted by name; each keeps the first display spelling met in date order. */
export function collectTags(sorted: readonly IncidentSummary[]): TagEntry[] {
  const map = new Map<string, TagEntry>();
  for (let i = sorted.length - 1; i >= 0; i--) {
    const s = sorted[i]!;
    for (const t of s.tags) {
      let e = map.get(t.slug);
      if (!e) map.set(t.slug, (e = { ...t, count: 0, incidents: [] }));
      e.count++;
      e.incidents.push(s);
    }
  }
  // collected oldest first (for the spelling); pages list newest first
  for (const e of map.values()) e.incidents.reverse();
  return [...map.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/** The home list (`/` and its further pages), from summaries sorted newest first; pm serve renders it first after a title edit. */
export function renderHome(sorted: readonly IncidentSummary[], site: SiteContext, tags = collectTags(sorted), views = viewCache(site)): Page[] {
  return listPages(
    {
      first: HOME_URL,
      template: 'index',
      title: site.config.title,
      incidents: sorted,
      data: () => ({ count: sorted.length }),
      firstPage: (root) => ({ tags: tags.map((t) => ({ name: t.name, slug: t.slug, count: t.count, url: `${root}${site.urls.tag(t.slug)}` })) }),
    },
    site,
    views,
  );
}

export function renderIndexes(summaries: readonly IncidentSummary[], site: SiteContext): Page[] {
  const sorted = sortSummaries(summaries);
  const tags = collectTags(sorted);
  const views = viewCache(site);
  const pages: Page[] = [];
  const page = (file: string, template: string, title: string, data: Record<string, unknown>, root?: string): void => {
    pages.push({ path: file, contents: site.renderer.render(template, { ...site.pageData(file, title, root), ...data }) });
  };

  pages.push(...renderHome(sorted, site, tags, views));

  const tagsFile = fileForUrl(site.urls.tags());
  const tagsRoot = site.pageData(tagsFile, '')['root'] as string;
  const max = Math.max(1, ...tags.map((t) => t.count));
  page(tagsFile, 'tags', 'Tags', {
    tags: tags.map((t) => ({
      name: t.name,
      slug: t.slug,
      count: t.count,
      weight: 1 + Math.round((t.count / max) * 4),
      url: `${tagsRoot}${site.urls.tag(t.slug)}`,
    })),
  });

  for (const t of tags) {
    const tag = { name: t.name, slug: t.slug, count: t.count };
    pages.push(
      ...listPages(
        { first: site.urls.tag(t.slug), template: 'tag', title: `Tagged “${t.name}”`, incidents: t.incidents, data: () => ({ tag }), feed: true },
        site,
        views,
      ),
    );
  }
  pages.push(...renderServices(sorted, site, views));

  // A 404 page is served at any depth: its links start from the site's base path
  // (`/repo/` for a GitHub Pages project site at https://you.github.io/repo/), never relative.
  page(NOT_FOUND_PATH, 'notfound', 'Not found', {}, basePath(site.config.baseUrl));
  return pages;
}

/** The path of the base URL, with its slash: `https://x.github.io/repo` → `/repo/`; none → `/`. */
export function basePath(baseUrl: string): string {
  if (!baseUrl) return '/';
  return `${new URL(baseUrl).pathname.replace(/\/+$/, '')}/`;
}
