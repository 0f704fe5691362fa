/**
 * Services: `services/` lists every service named in a `services:` front-matter list;
 * `services/<service>/` lists its incidents (paginated like the home page) under its
 * own metrics line, with its own Atom feed. The page a Backstage card or a service's
 * README links to.
 */
import { slugify } from '../../slug.js';
import type { SiteContext } from '../../render/context.js';
import { humanDuration } from '../../render/format.js';
import type { IncidentSummary, Page } from '../../render/types.js';
import { fileForUrl } from '../urls.js';
import { listPages, type Views } from './list-pages.js';
import { SERVICES_URL, serviceUrl } from '../paths.js';

export interface ServiceEntry {
  slug: string;
  /** As first written (in date order). */
  name: string;
  incidents: IncidentSummary[];
}

/** Services sorted by slug; each keeps the first spelling met in date order. Names without letters or digits are left out. */
export function collectServices(sorted: readonly IncidentSummary[]): ServiceEntry[] {
  const map = new Map<string, ServiceEntry>();
  for (let i = sorted.length - 1; i >= 0; i--) {
    const s = sorted[i]!;
    const seen = new Set<string>();
    for (const name of s.services) {
      const slug = slugify(name);
      if (!slug || seen.has(slug)) continue;
      seen.add(slug);
      let e = map.get(slug);
      if (!e) map.set(slug, (e = { slug, name, incidents: [] }));
      e.incidents.push(s);
    }
  }
  for (const e of map.values()) e.incidents.reverse();
  return [...map.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

const METRICS = [
  ['time_to_detect_s', 'detect'],
  ['time_to_acknowledge_s', 'acknowledge'],
  ['time_to_mitigate_s', 'mitigate'],
  ['time_to_resolve_s', 'resolve'],
] as const;

export interface MetricsLine {
  count: number;
  /** Median of each metric over the incidents that have it; incidents without it are counted, never guessed. */
  medians: Array<{ name: string; median: string; seconds: number; known: number; unknown: number }>;
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : Math.round((v[mid - 1]! + v[mid]!) / 2);
}

export function metricsLine(list: readonly IncidentSummary[]): MetricsLine {
  const medians: MetricsLine['medians'] = [];
  for (const [key, name] of METRICS) {
    const values = list.flatMap((s) => (s.metrics[key] === null ? [] : [s.metrics[key]]));
    const m = median(values);
    if (m !== null) medians.push({ name, median: humanDuration(m) ?? '0s', seconds: m, known: values.length, unknown: list.length - values.length });
  }
  return { count: list.length, medians };
}

export function renderServices(sorted: readonly IncidentSummary[], site: SiteContext, views: Views): Page[] {
  const services = collectServices(sorted);
  const indexFile = fileForUrl(SERVICES_URL);
  const indexData = site.pageData(indexFile, 'Services');
  const root = indexData['root'] as string;
  const pages: Page[] = [
    {
      path: indexFile,
      contents: site.renderer.render('services', {
        ...indexData,
        services: services.map((e) => ({
          name: e.name,
          slug: e.slug,
          count: e.incidents.length,
          url: `${root}${serviceUrl(e.slug)}`,
          metrics: metricsLine(e.incidents),
        })),
      }),
    },
  ];
  for (const e of services) {
    const service = { name: e.name, slug: e.slug, count: e.incidents.length, metrics: metricsLine(e.incidents) };
    pages.push(
      ...listPages(
        { first: serviceUrl(e.slug), template: 'service', title: `Service “${e.name}”`, incidents: e.incidents, data: () => ({ service }), feed: true },
        site,
        views,
      ),
    );
  }
  return pages;
}
