/**
 * Config loading and resolution. Loading is the only disk access; resolveConfig is
 * pure. Problems are diagnostics naming the config file's line and column.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Reporter, type Diagnostic } from '../diagnostics.js';
import { parseYamlFrontMatter } from '../frontmatter/yaml-engine.js';
import { themeNameProblem } from '../theme/load.js';
import { normalizeZone } from '../time/zones.js';
import { checkedPatterns, urlPatternProblems } from './url-patterns.js';
import type { ConfigOverrides, ResolvedConfig, UserConfig } from './types.js';

/** pm's own folder (holds themes/default and the sample posts). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_THEME_DIR = path.join(PACKAGE_ROOT, 'themes', 'default');
export const CONFIG_FILES = ['pm.config.yaml', 'pm.config.yml', 'pm.config.json'];
export const DEFAULT_SECTIONS = ['Summary', 'Impact', 'Timeline', 'Root cause', 'Action items'];

export const KNOWN_KEYS: ReadonlyArray<keyof UserConfig> = [
  'title', 'description', 'base_url', 'language', 'timezone', 'display_timezone', 'theme',
  'posts', 'out', 'drafts', 'public', 'urls', 'required_sections', 'offset_format',
];

export interface LoadedConfig {
  config: UserConfig;
  file: string | null;
  diagnostics: Diagnostic[];
}

/** Reads the first config file found in `root`. A site without one gets defaults. */
export function loadConfig(root: string): LoadedConfig {
  const name = CONFIG_FILES.find((f) => existsSync(path.join(root, f)));
  if (!name) return { config: {}, file: null, diagnostics: [] };
  const reporter = new Reporter(name);
  const text = readFileSync(path.join(root, name), 'utf8');
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
    const problem = checkValue(key as keyof UserConfig, value);
    if (problem) reporter.error('config/value', `${key}: ${problem}`, at);
    else (config as Record<string, unknown>)[key] = value;
  }
  return { config, file: name, diagnostics: reporter.list };
}

function checkValue(key: keyof UserConfig, value: unknown): string | null {
  switch (key) {
    case 'drafts':
    case 'public':
      return typeof value === 'boolean' ? null : 'expected true or false';
    case 'required_sections':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? null : 'expected a list of section names';
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
  const zone = (z: string | undefined): string | null => (z ? (normalizeZone(z) as { zone?: string }).zone ?? null : null);
  const urls = user.urls ?? {};
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
    requiredSections: user.required_sections ?? DEFAULT_SECTIONS,
    offsetFormat: user.offset_format ?? 'compact',
  };
}
