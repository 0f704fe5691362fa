/** Site configuration: `pm.config.yaml` (or .yml/.json) → UserConfig → resolveConfig() → ResolvedConfig. */

/** What a site writes in pm.config.yaml. Every key is optional. */
export interface UserConfig {
  /** Site title shown in headers and feeds. Default "Post-mortems". */
  title?: string;
  description?: string;
  /** Absolute URL the site is published at, used in feeds, sitemap and canonical links. */
  base_url?: string;
  /** `lang` of every page. Default "en". */
  language?: string;
  /** Zone of timestamps that carry none, when a file has no `timezone`. Default UTC. */
  timezone?: string;
  /** Zone pages show times in, when a file has no `display_timezone`. Default: the file's zone. */
  display_timezone?: string;
  /** Theme name under `themes/`; files missing there come from pm's default theme. Default "default". */
  theme?: string;
  /** Folder of incident files, relative to the root. Default "posts". */
  posts?: string;
  /** Output folder, relative to the root. Default "dist". */
  out?: string;
  /** Build `draft: true` incidents too. Default false. */
  drafts?: boolean;
  /** Leave `[internal]` events and drafts out of every output. Default false. */
  public?: boolean;
  /** URL patterns; `:slug` and `:tag` are replaced, a trailing `/` means `index.html`. */
  urls?: { incident?: string; tag?: string; tags?: string };
  /** A set of `urls` patterns by name: `flat` puts incidents and tag pages side by side as `.html` files. */
  url_preset?: 'flat';
  /** `file`: links name `…/index.html`, so `dist/` is browsable from disk. Default `folders` (`…/`). */
  links?: 'folders' | 'file';
  /** Sections `pm check` expects in every post-mortem. */
  required_sections?: string[];
  /** Offset style on pages: compact (`T+5h20m`) or long (`T+5 hours 20 minutes`). */
  offset_format?: 'compact' | 'long';
  /** Incidents per index, tag and service page (`page/2/` holds the next ones). Default 50. */
  page_size?: number;
  /** Full-text search with Pagefind. Default true. */
  search?: boolean;
  /** Issue trackers for action items: `"#"` or a project key → URL pattern holding `:id`. */
  trackers?: Record<string, string>;
}

export interface UrlPatterns {
  incident: string;
  tag: string;
  tags: string;
}

/** Every key present, paths absolute, zones canonical. */
export interface ResolvedConfig {
  root: string;
  configFile: string | null;
  postsDir: string;
  outDir: string;
  title: string;
  description: string;
  baseUrl: string;
  language: string;
  timezone: string;
  displayTimezone: string | null;
  theme: string;
  /** Theme folders in lookup order: the site's theme first, pm's default last. */
  themeDirs: string[];
  drafts: boolean;
  public: boolean;
  urls: UrlPatterns;
  links: 'folders' | 'file';
  requiredSections: string[];
  offsetFormat: 'compact' | 'long';
  /** Incidents per list page (1–1000). */
  pageSize: number;
  /** Build the Pagefind search index and show the search box. */
  search: boolean;
  trackers: Record<string, string>;
  /** The day overdue action items are judged on (`--today`, SOURCE_DATE_EPOCH), else null. Not part of the cache key. */
  today: string | null;
}

/** Options a command line or API caller can set over the config file. */
export interface ConfigOverrides {
  root?: string;
  out?: string;
  drafts?: boolean;
  public?: boolean;
  baseUrl?: string;
  theme?: string;
  links?: 'folders' | 'file';
  /** `YYYY-MM-DD`: mark follow-ups due before it as overdue at build time. */
  today?: string | null;
}
