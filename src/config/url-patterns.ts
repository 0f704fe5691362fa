/**
 * Checks the `urls:` patterns of the config. A pattern is a path relative to the
 * output folder; `incident` must hold `:slug`, `tag` must hold `:tag`, `tags` holds
 * none. Anything that would write every incident to one file, leave the output
 * folder, or land on a page pm writes itself is refused with the reason.
 */
import type { UrlPatterns } from './types.js';
import { reservedNames } from '../outputs/paths.js';

const KEYS = ['incident', 'tag', 'tags'] as const;
const PLACEHOLDER: Record<(typeof KEYS)[number], string | null> = { incident: 'slug', tag: 'tag', tags: null };
const EXAMPLE: Record<(typeof KEYS)[number], string> = { incident: 'incidents/:slug/', tag: 'tags/:tag/', tags: 'tags/' };
/** Folders and files pm writes whatever the patterns say. */
const RESERVED = reservedNames();

/**
 * Named sets of patterns. `flat`: every page a `.html` file in one folder, as blogs made
 * with Jekyll or Hugo publish them — a post's links to `tag_ops.html` beside it resolve.
 */
export const URL_PRESETS: Readonly<Record<string, UrlPatterns>> = {
  flat: { incident: 'incidents/:slug.html', tag: 'incidents/tag_:tag.html', tags: 'incidents/tags.html' },
};

export interface UrlProblem {
  /** The key under `urls:` (`incident`), or '' for the mapping itself. */
  key: string;
  /** Starts with `urls.<key>:`. */
  message: string;
}

/** Problems with a `urls:` value; empty when it is usable. */
export function urlPatternProblems(value: unknown): UrlProblem[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [{ key: '', message: 'urls: expected a mapping with incident, tag, tags' }];
  const problems: UrlProblem[] = [];
  const given = value as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!(KEYS as readonly string[]).includes(key)) problems.push({ key, message: `urls.${key}: unknown key; urls takes ${KEYS.join(', ')}` });
  }
  for (const key of KEYS) {
    const pattern = given[key];
    if (pattern === undefined) continue;
    const problem = typeof pattern === 'string' ? patternProblem(key, pattern) : 'expected a string';
    if (problem) problems.push({ key, message: `urls.${key}: ${problem} (e.g. "${EXAMPLE[key]}")` });
  }
  if (!problems.length) {
    const shape = (k: (typeof KEYS)[number]): string => ((given[k] as string | undefined) ?? EXAMPLE[k]).replace(/^\/+/, '').replace(/:(slug|tag)\b/g, '\0');
    if (shape('incident') === shape('tag'))
      problems.push({ key: 'tag', message: 'urls.tag: incident and tag pages would share paths; give them different folders' });
  }
  return problems;
}

/** The patterns of a resolved config; a library caller's bad pattern throws (the CLI reports it with a line). */
export function checkedPatterns(patterns: UrlPatterns): UrlPatterns {
  const problems = urlPatternProblems(patterns);
  if (problems.length) throw new TypeError(problems.map((p) => p.message).join('; '));
  return patterns;
}

function patternProblem(key: (typeof KEYS)[number], pattern: string): string | null {
  const wanted = PLACEHOLDER[key];
  const path = pattern.replace(/^\//, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(pattern) || pattern.startsWith('//')) return `"${pattern}" must be a path inside the site, not a URL`;
  if (path === '') return 'must not be empty (the home page is index.html)';
  if (!/^[\p{L}\p{M}\p{N}_\-.~/:+@]+$/u.test(path)) return `"${pattern}" may hold only letters, digits, / - _ . ~ + @ and the placeholder`;
  const segments = path.split('/');
  if (segments.some((s, i) => s === '..' || s === '.' || (s === '' && i < segments.length - 1))) {
    return `"${pattern}" must stay inside the site: no "..", "." or empty folder names`;
  }
  const names = [...path.matchAll(/:([a-z]+)/gi)].map((m) => m[1]);
  const unknown = names.find((n) => n !== wanted);
  if (unknown !== undefined) return `":${unknown}" is not a placeholder here; ${wanted ? `use :${wanted}` : 'this page has none'}`;
  if (path.replace(/:[a-z]+/gi, '').includes(':')) return `"${pattern}" has a ":" that is not a placeholder`;
  if (wanted && names.length !== 1) return `must hold :${wanted} once, or every ${key} is written to one file`;
  if (!path.endsWith('/') && !path.endsWith('.html')) return `"${pattern}" must end with "/" (a folder with index.html) or ".html"`;
  const first = segments[0] ?? '';
  if (wanted && (first === `:${wanted}` || first === `:${wanted}.html`)) return `"${pattern}" must start with a folder or a prefix of its own`;
  if (RESERVED.includes(first)) return `"${pattern}" would write over pages pm makes itself (${first})`;
  return null;
}
