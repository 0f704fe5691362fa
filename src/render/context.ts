/** What every page renderer shares: config, theme renderer, URL patterns, asset paths. */
import type { ResolvedConfig } from '../config/types.js';
import type { ThemeRenderer } from '../theme/engine.js';
import { fileLinks } from './file-links.js';
import { rootPrefix, siteUrls, type SiteUrls } from '../outputs/urls.js';
import { ATOM_FEED_PATH, FOLLOW_UPS_URL, INSIGHTS_URL, JSON_FEED_PATH, SEARCH_DIR, SERVICES_URL } from '../outputs/paths.js';

export interface SiteContext {
  config: ResolvedConfig;
  renderer: ThemeRenderer;
  urls: SiteUrls;
  /** Hashed asset paths by their source name: `style.css` → `assets/style.3f2a….css`. */
  assets: Record<string, string>;
  /** The data every page template receives (documented in the README). */
  pageData(file: string, title: string, root?: string): Record<string, unknown>;
}

export function createSiteContext(config: ResolvedConfig, theme: ThemeRenderer, assets: Record<string, string>): SiteContext {
  const urls = siteUrls(config.urls);
  // links: file — every page names index.html in its folder links (dist/ browsable from disk)
  const renderer: ThemeRenderer = config.links === 'file' ? { ...theme, render: (t, d) => fileLinks(theme.render(t, d)) } : theme;
  return {
    config,
    renderer,
    urls,
    assets,
    pageData(file, title, rootOverride) {
      const root = rootOverride ?? rootPrefix(file);
      const url = file.replace(/(^|\/)index\.html$/, '$1');
      return {
        root,
        site: {
          title: config.title,
          description: config.description,
          language: config.language,
          baseUrl: config.baseUrl,
          tagsUrl: `${root}${urls.tags()}`,
          servicesUrl: `${root}${SERVICES_URL}`,
          /** The Pagefind bundle the search box loads (see site/search/); null with `search: false`. */
          search: config.search ? { bundle: `${root}${SEARCH_DIR}` } : null,
          insightsUrl: `${root}${INSIGHTS_URL}`,
          followUpsUrl: `${root}${FOLLOW_UPS_URL}`,
          feedUrl: `${root}${ATOM_FEED_PATH}`,
          jsonFeedUrl: `${root}${JSON_FEED_PATH}`,
        },
        page: { title, file, url, canonical: config.baseUrl ? `${config.baseUrl}/${url}` : null },
        css: Object.fromEntries(Object.entries(assets).map(([k, v]) => [k.replace(/\W/g, '_'), `${root}${v}`])),
      };
    },
  };
}
