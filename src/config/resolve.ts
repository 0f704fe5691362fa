/**
 * Config loading and resolution. Loading is the only disk access; resolveConfig is
 * pure. Problems are diagnostics naming the config file's line and column.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Reporter, type Diagnostic } from '../diagnostics.js';
import { parseYamlFrontMatter } from '../frontmatter/yaml-engine.js';
import { readSiteText } from '../load/site-file.js';
import { themeNameProblem } from '../theme/load.js';
import { normalizeZone } from '../time/zones.js';
import { checkedPatterns, URL_PRESETS, urlPatternProblems } from './url-patterns.js';
import { checkedTrackers, trackerProblems } from '../insights/trackers.js';
import { checkedToday } from '../insights/today.js';
import type { ConfigOverrides, ResolvedConfig, UserConfig } from './types.js';

/** pm's own folder (holds themes/default and the sample posts). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_THEME_DIR = path.join(PACKAGE_ROOT, 'themes', 'default');
export const CONFIG_FILES = ['pm.config.yaml', 'pm.config.yml', 'pm.config.json'];
export const DEFAULT_SECTIONS = ['Summary', 'Impact', 'Timeline', 'Root cause', 'Action items'];

export const KNOWN_KEYS: ReadonlyArray<keyof UserConfig> = [
  'title',
  'description',
  'base_url',
  'language',
  'timezone',
  'display_timezone',
  'theme',
  'posts',
  'out',
  'drafts',
  'public',
  'urls',
  'url_preset',
  'links',
  'required_sections',
  'offset_format',
  'trackers',
  'page_size',
  'search',
];

/** Incidents per list page by default, and at most (a page must not grow with the archive). */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

export interface LoadedConfig {
  config: UserConfig;
  file: string | null;
  diagnostics: Diagnostic[];
}

/** Reads the first config file found in `root`. A site without one gets defaults. */
export function loadConfig(root: string): LoadedConfig {
  const name = CONFIG_FILES.find((f) => existsSync(path.join(root, f)));
  if (!name) return { config: {}, file: null, diagnostics: [] };
  const read = readSiteText(root, name, 'the config file');
  if (!read.ok) return { config: {}, file: name, diagnostics: [read.problem] };
  const reporter = new Reporter(name);
  const text = read.text;
  // The YAML engine wants the text after an opening fence: prefix a newline and shift lines back.
  const parsed = parseYamlFrontMatter(`\n${text}`, { nested: true });
  for (const e of parsed.errors) reporter.error('config/syntax', e.message, { line: e.place.line - 1, column: e.place.column });
  const config: UserConfig = {};
  for (const [key, value] of Object.entries(parsed.data)) {
    const place = parsed.places[key];
    const at = place ? { line: place.line - 1, column: place.column } : undefined;
    if (!(KNOWN_KEYS as readonly string[]).includes(key)) {
      reporter.warn('config/unknown-key', `unknown key "${key}"; known keys: ${KNOWN_KEYS.join(', ')}`, at);
      continue;
    }
    if (key === 'urls') {
      const problems = urlPatternProblems(value);
      for (const problem of problems) {
        const own = parsed.places[`urls.${problem.key}`];
        reporter.error('config/urls', problem.message, own ? { line: own.line - 1, column: own.column } : at);
      }
      if (!problems.length) config.urls = value as UserConfig['urls'];
      continue;
    }
    if (key === 'trackers') {
      const problems = trackerProblems(value);
      for (const problem of problems) {
        const own = parsed.places[`trackers.${problem.key}`];
        reporter.error('config/trackers', problem.message, own ? { line: own.line - 1, column: own.column } : at);
      }
      if (!problems.length) config.trackers = value as UserConfig['trackers'];
      continue;
    }
    const given = key === 'page_size' ? wholeNumber(value) : value;
    const problem = checkValue(key as keyof UserConfig, given);
    if (problem) reporter.error('config/value', `${key}: ${problem}`, at);
    else (config as Record<string, unknown>)[key] = given;
  }
  return { config, file: name, diagnostics: reporter.list };
}

/** The YAML reader gives scalars as written: `page_size: 20` may arrive as "20". */
function wholeNumber(value: unknown): unknown {
  return typeof value === 'string' && /^\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : value;
}

function checkValue(key: keyof UserConfig, value: unknown): string | null {
  switch (key) {
    case 'drafts':
    case 'public':
    case 'search':
      return typeof value === 'boolean' ? null : 'expected true or false';
    case 'required_sections':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? null : 'expected a list of section names';
    case 'page_size':
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_PAGE_SIZE
        ? null
        : `expected a whole number of incidents per page from 1 to ${MAX_PAGE_SIZE}, such as 50`;
    case 'url_preset':
      return typeof value === 'string' && Object.hasOwn(URL_PRESETS, value) ? null : `expected one of ${Object.keys(URL_PRESETS).join(', ')}`;
    case 'links':
      return value === 'folders' || value === 'file'
        ? null
        : 'expected folders (links end in /) or file (links end in /index.html, for browsing dist/ from disk)';
    case 'offset_format':
      return value === 'compact' || value === 'long' ? null : 'expected compact or long';
    case 'timezone':
    case 'display_timezone': {
      if (typeof value !== 'string') return 'expected a zone name';
      const z = normalizeZone(value);
      return z.ok ? null : z.reason;
    }
    case 'out':
      return typeof value === 'string' && insideSite(value) ? null : 'expected a folder inside the site, like dist (use --out to build elsewhere)';
    case 'theme':
      return themeNameProblem(value);
    case 'posts':
      // Site content names a folder inside the site, never one elsewhere on the machine.
      return typeof value === 'string' && !path.isAbsolute(value) && !path.normalize(value).split(/[\\/]/).includes('..')
        ? null
        : 'expected a folder inside the site, such as posts or content/incidents (no absolute path, no ..)';
    case 'base_url':
      return typeof value === 'string' && /^https?:\/\/[^\s]+$/.test(value) ? null : 'expected an absolute http(s) URL';
    default:
      return typeof value === 'string' ? null : 'expected a string';
  }
}

/** `out:` is site content: a relative path that stays below the site root. */
function insideSite(value: string): boolean {
  const p = path.posix.normalize(value.replace(/\\/g, '/'));
  return !!value && !path.isAbsolute(value) && !path.win32.isAbsolute(value) && p !== '.' && p !== '..' && !p.startsWith('../');
}

/** Pure: fills defaults, applies overrides, makes paths absolute and zones canonical. */
export function resolveConfig(user: UserConfig, overrides: ConfigOverrides = {}, configFile: string | null = null): ResolvedConfig {
  const root = path.resolve(overrides.root ?? '.');
  const theme = overrides.theme ?? user.theme ?? 'default';
  const zone = (z: string | undefined): string | null => (z ? ((normalizeZone(z) as { zone?: string }).zone ?? null) : null);
  const urls = { ...(user.url_preset ? URL_PRESETS[user.url_preset] : {}), ...user.urls };
  const baseUrl = (overrides.baseUrl ?? user.base_url ?? '').replace(/\/+$/, '');
  return {
    root,
    configFile,
    postsDir: path.resolve(root, user.posts ?? 'posts'),
    outDir: path.resolve(root, overrides.out ?? user.out ?? 'dist'),
    title: user.title ?? 'Post-mortems',
    description: user.description ?? 'Incident reports and timelines',
    baseUrl,
    language: user.language ?? 'en',
    timezone: zone(user.timezone) ?? 'UTC',
    displayTimezone: zone(user.display_timezone),
    theme,
    themeDirs: [...new Set([path.join(root, 'themes', theme), path.join(root, 'themes', 'default'), DEFAULT_THEME_DIR])],
    drafts: overrides.drafts ?? user.drafts ?? false,
    public: overrides.public ?? user.public ?? false,
    urls: checkedPatterns({
      incident: urls.incident ?? 'incidents/:slug/',
      tag: urls.tag ?? 'tags/:tag/',
      tags: urls.tags ?? 'tags/',
    }),
    links: overrides.links ?? user.links ?? 'folders',
    requiredSections: user.required_sections ?? DEFAULT_SECTIONS,
    offsetFormat: user.offset_format ?? 'compact',
    pageSize: checkedPageSize(user.page_size),
    search: user.search ?? true,
    trackers: checkedTrackers(user.trackers),
    today: checkedToday(overrides.today),
  };
}

/** A library caller's bad page size throws (the CLI reports it with a line). */
function checkedPageSize(value: number | undefined): number {
  if (value === undefined) return DEFAULT_PAGE_SIZE;
  const problem = checkValue('page_size', value);
  if (problem) throw new TypeError(`page_size: ${problem}`);
  return value;
}
