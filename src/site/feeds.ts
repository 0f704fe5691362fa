/**
 * `feed.xml` (Atom 1.0, RFC 4287) and `feed.json` (JSON Feed 1.1): one entry per
 * incident, newest first, the newest FEED_ENTRIES only. Built from summaries only. Dates are the incidents' own
 * (never the clock), so the bytes depend on the input alone.
 */
import type { SiteContext } from './context.js';
import { escapeXml as x, feedContent, FEED_ENTRIES, rfc3339, siteLinks } from './feed-common.js';
import { timelineJsonPath } from './render-incident.js';
import type { IncidentSummary, Page } from './types.js';

/** `updated` of a feed without entries: a fixed instant rather than the build time. */
const EPOCH = '1970-01-01T00:00:00Z';

export function atomFeed(summaries: readonly IncidentSummary[], site: SiteContext): Page[] {
  const links = siteLinks(site);
  const { title, description, language } = site.config;
  const first = summaries[0];
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(language)}">`,
    `  <id>${x(links.id(''))}</id>`,
    `  <title>${x(title)}</title>`,
    `  <subtitle>${x(description)}</subtitle>`,
    `  <updated>${first ? rfc3339(first) : EPOCH}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(links.url('feed.xml'))}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(links.url('') || './')}"/>`,
    `  <author><name>${x(title)}</name></author>`,
    '  <generator>pm</generator>',
  ];
  for (const s of summaries.slice(0, FEED_ENTRIES)) lines.push(atomEntry(s, links));
  lines.push('</feed>', '');
  return [{ path: 'feed.xml', contents: lines.join('\n') }];
}

function atomEntry(s: IncidentSummary, links: ReturnType<typeof siteLinks>): string {
  const date = rfc3339(s);
  const out = [
    '  <entry>',
    `    <id>${x(links.id(s.url))}</id>`,
    `    <title type="text">${x(s.title)}</title>`,
    `    <published>${date}</published>`,
    `    <updated>${date}</updated>`,
    `    <link rel="alternate" type="text/html" href="${x(links.url(s.url))}"/>`,
  ];
  for (const name of s.authors) out.push(`    <author><name>${x(name)}</name></author>`);
  for (const t of s.tags) out.push(`    <category term="${x(t.slug)}" label="${x(t.name)}"/>`);
  if (s.summary) out.push(`    <summary type="text">${x(s.summary)}</summary>`);
  out.push(`    <content type="html">${x(feedContent(s, links))}</content>`, '  </entry>');
  return out.join('\n');
}

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary?: string;
  date_published: string;
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
      date_published: rfc3339(s),
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
    ...(links.absolute ? { home_page_url: links.url(''), feed_url: links.url('feed.json') } : {}),
    description: site.config.description,
    language: site.config.language,
    authors: [{ name: site.config.title }],
    items,
  };
  return [{ path: 'feed.json', contents: `${JSON.stringify(feed, null, 2)}\n` }];
}
