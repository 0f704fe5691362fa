/**
 * An Atom feed per tag (`tags/<tag>/feed.xml`, beside the tag page whatever the tag URL
 * pattern: archive/paging.ts) and per service (`services/<service>/feed.xml`). They carry
 * each incident's title, dates, summary and link — not the whole post, which only the
 * newest incidents have at hand on an incremental build (the site feed has it).
 */
import type { SiteContext } from '../../render/context.js';
import { atomXml } from '../feeds.js';
import { collectTags } from '../../render/indexes.js';
import type { IncidentSummary, Page } from '../../render/types.js';
import { listFeedUrl, serviceUrl } from '../paths.js';
import { collectServices } from './services.js';

export function listFeeds(sorted: readonly IncidentSummary[], site: SiteContext): Page[] {
  const pages: Page[] = [];
  const feed = (first: string, title: string, entries: readonly IncidentSummary[]): void => {
    const path = listFeedUrl(first);
    const subtitle = `${title} · ${site.config.title}`;
    pages.push({ path, contents: atomXml({ path, alternate: first, title: subtitle, subtitle: site.config.description, entries, content: false }, site) });
  };
  for (const t of collectTags(sorted)) feed(site.urls.tag(t.slug), `Tagged “${t.name}”`, t.incidents);
  for (const s of collectServices(sorted)) feed(serviceUrl(s.slug), `Service “${s.name}”`, s.incidents);
  return pages;
}
