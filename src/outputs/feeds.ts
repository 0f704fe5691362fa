/**
 * `feed.xml` (Atom 1.0, RFC 4287) and `feed.json` (JSON Feed 1.1): one entry per
 * incident, newest first, the newest FEED_ENTRIES only. Built from summaries only. Dates are the incidents' own
 * (never the clock), so the bytes depend on the input alone.
 */
import type { SiteContext } from '../render/context.js';
import { entryDates, feedContent, FEED_ENTRIES, siteLinks } from './feed-common.js';
import { escapeXml as x } from '../text/escape.js';
import { ATOM_FEED_PATH, JSON_FEED_PATH, timelineJsonPath } from './paths.js';
import type { IncidentSummary, Page } from '../render/types.js';
import { rootPrefix } from './urls.js';

/** `updated` of a feed without entries: a fixed instant rather than the build time. */
const EPOCH = '1970-01-01T00:00:00Z';

export function atomFeed(summaries: readonly IncidentSummary[], site: SiteContext): Page[] {
  const { title, description } = site.config;
  return [
    { path: ATOM_FEED_PATH, contents: atomXml({ path: ATOM_FEED_PATH, alternate: '', title, subtitle: description, entries: summaries, content: true }, site) },
  ];
}

export interface AtomSpec {
  /** Site path of the feed itself and of the page it mirrors. */
  path: string;
  alternate: string;
  title: string;
  subtitle: string;
  /** Newest first; the newest FEED_ENTRIES are carried. */
  entries: readonly IncidentSummary[];
  /** Carry each post in full (the site feed), or its summary and link only (tag and service feeds). */
  content: boolean;
}

/** An Atom document. `updated` is the newest entry's (edits count: lifecycle.ts), never the clock. */
export function atomXml(spec: AtomSpec, site: SiteContext): string {
  const links = siteLinks(site);
  const entries = spec.entries.slice(0, FEED_ENTRIES);
  const updated = entries
    .map(entryDates)
    .reduce<{ ms: number; updated: string } | null>((max, d) => (max && max.ms >= d.updatedMs ? max : { ms: d.updatedMs, updated: d.updated }), null);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    // a feed below the root, without a base URL: its site-root-relative links resolve from the root
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(site.config.language)}"${!links.absolute && spec.path.includes('/') ? ` xml:base="${rootPrefix(spec.path)}"` : ''}>`,
    `  <id>${x(links.id(spec.alternate))}</id>`,
    `  <title>${x(spec.title)}</title>`,
    `  <subtitle>${x(spec.subtitle)}</subtitle>`,
    `  <updated>${updated ? updated.updated : EPOCH}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(links.url(spec.path))}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(links.url(spec.alternate) || './')}"/>`,
    `  <author><name>${x(site.config.title)}</name></author>`,
    '  <generator>pm</generator>',
  ];
  for (const s of entries) lines.push(atomEntry(s, links, spec.content));
  lines.push('</feed>', '');
  return lines.join('\n');
}

function atomEntry(s: IncidentSummary, links: ReturnType<typeof siteLinks>, content: boolean): string {
  const dates = entryDates(s);
  const out = [
    '  <entry>',
    `    <id>${x(links.id(s.url))}</id>`,
    `    <title type="text">${x(s.title)}</title>`,
    `    <published>${dates.published}</published>`,
    `    <updated>${dates.updated}</updated>`,
    `    <link rel="alternate" type="text/html" href="${x(links.url(s.url))}"/>`,
  ];
  for (const name of s.authors) out.push(`    <author><name>${x(name)}</name></author>`);
  for (const t of s.tags) out.push(`    <category term="${x(t.slug)}" label="${x(t.name)}"/>`);
  if (s.summary) out.push(`    <summary type="text">${x(s.summary)}</summary>`);
  if (content) out.push(`    <content type="html">${x(feedContent(s, links))}</content>`);
  out.push('  </entry>');
  return out.join('\n');
}

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary?: string;
  date_published: string;
  date_modified: string;
  tags: string[];
  authors?: Array<{ name: string }>;
  /** pm's extension (JSON Feed allows `_`-prefixed keys). */
  _pm: { slug: string; severity: string | null; status: string | null; duration_s: number | null; timeline_url: string; draft?: true };
}

export function jsonFeed(summaries: readonly IncidentSummary[], site: SiteContext): Page[] {
  const links = siteLinks(site);
  const items = summaries.slice(0, FEED_ENTRIES).map((s): JsonFeedItem => {
    const item: JsonFeedItem = {
      id: links.id(s.url),
      url: links.url(s.url),
      title: s.title,
      content_html: feedContent(s, links),
      date_published: entryDates(s).published,
      date_modified: entryDates(s).updated,
      tags: s.tags.map((t) => t.name),
      _pm: { slug: s.slug, severity: s.severity, status: s.status, duration_s: s.durationS, timeline_url: links.url(timelineJsonPath(s.slug)) },
    };
    if (s.summary) item.summary = s.summary;
    if (s.authors.length) item.authors = s.authors.map((name) => ({ name }));
    if (s.draft) item._pm.draft = true;
    return item;
  });
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: site.config.title,
    ...(links.absolute ? { home_page_url: links.url(''), feed_url: links.url(JSON_FEED_PATH) } : {}),
    description: site.config.description,
    language: site.config.language,
    authors: [{ name: site.config.title }],
    items,
  };
  return [{ path: JSON_FEED_PATH, contents: `${JSON.stringify(feed, null, 2)}\n` }];
}
