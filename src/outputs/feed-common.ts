/**
 * What the feeds, incidents.json and the sitemap share: XML escaping, the URL and id
 * of a site path (absolute with a base URL, relative plus a `tag:` id without one),
 * RFC 3339 dates and the post body as feeds carry it.
 */
import { slugify } from '../slug.js';
import type { SiteContext } from '../render/context.js';
import { isoWithOffset } from '../render/format.js';
import type { IncidentSummary } from '../render/types.js';
import { absoluteUrl } from './urls.js';

/** Feeds carry the newest incidents only, like most blogs' feeds (readers poll them often). */
export const FEED_ENTRIES = 20;
/** Site pages carry the bodies of this many newest incidents (feeds: 20; api/v2/incidents.json: 50). */
export const BODY_ENTRIES = 50;

export interface SiteLinks {
  /** True when config.baseUrl is set and every URL is absolute. */
  absolute: boolean;
  /** The URL of a site path (`incidents/x/`): `https://…/incidents/x/`, or the path itself. */
  url(sitePath: string): string;
  /** A permanent id: the absolute URL, or `tag:pm.invalid,2000:<site>:<path>` without a base URL. */
  id(sitePath: string): string;
}

export function siteLinks(site: SiteContext): SiteLinks {
  const base = site.config.baseUrl;
  if (base) return { absolute: true, url: (p) => absoluteUrl(base, p), id: (p) => absoluteUrl(base, p) };
  const name = slugify(site.config.title) || 'site';
  return { absolute: false, url: (p) => p, id: (p) => `tag:pm.invalid,2000:${name}:${p}` };
}

/** RFC 3339 with the offset of the incident's display zone: `2020-09-02T00:00:00-05:00`. */
export function rfc3339(s: Pick<IncidentSummary, 'date' | 'displayTimezone'>): string {
  return isoWithOffset(s.date, s.displayTimezone);
}

/**
 * An entry's dates: published is the front-matter `published` or the incident's date;
 * updated is `updated`, else published (lifecycle.ts).
 */
export function entryDates(s: Pick<IncidentSummary, 'date' | 'displayTimezone' | 'published' | 'updated'>): {
  published: string;
  updated: string;
  updatedMs: number;
} {
  const published = s.published ?? s.date;
  const updated = s.updated ?? published;
  return { published: isoWithOffset(published, s.displayTimezone), updated: isoWithOffset(updated, s.displayTimezone), updatedMs: updated };
}

/** The drawn axis (inline SVG figure) is left out of feeds: readers drop or mangle SVG. */
const AXIS = /<figure class="pm-axis[^"]*"[\s\S]*?<\/figure>\n?/g;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };

/** A stand-in origin to resolve paths against when the site has no base URL. */
const ROOT = 'https://site.invalid/';

/**
 * The rendered post for a feed. Relative `href`/`src` (tag links, bundle images,
 * `#anchors`) are resolved against the incident page, since a feed reader resolves
 * them against the feed: absolute with a base URL, else relative to the site root
 * (where the feeds are).
 */
export function feedContent(s: Pick<IncidentSummary, 'url' | 'contentHtml'>, links: SiteLinks): string {
  const html = s.contentHtml.replace(AXIS, '');
  const root = links.absolute ? links.url('') : ROOT;
  const page = new URL(s.url, root).href;
  return html.replace(/\b(href|src)="([^"]*)"/g, (whole, attr: string, value: string) => {
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value)) return whole;
    const raw = value.replace(/&(amp|quot|#39|lt|gt);/g, (e) => ENTITIES[e] ?? e);
    try {
      const url = new URL(raw, page).href;
      const out = links.absolute ? url : url.startsWith(ROOT) ? url.slice(ROOT.length) || './' : raw;
      return `${attr}="${out.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
    } catch {
      return whole;
    }
  });
}
