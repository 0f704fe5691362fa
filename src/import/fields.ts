/**
 * A blog post's front-matter → pm's: `categories` (and `tags`) → tags, `author` /
 * `authors` → authors, `description` → summary, `date` kept as written, `draft: true`
 * (Hugo) or `published: false` (Jekyll) → draft. Every value is re-written by the yaml
 * library (yamlValue), so what a post holds cannot add keys; only `date` is copied as
 * its own line's text. Keys pm has no use for (`layout`, `permalink`…) are listed.
 */
import { yamlValue } from '../incident/template.js';
import { slugify } from '../slug.js';
import type { BlogKind } from './types.js';

/** Keys read here; anything else is reported as left out. */
const READ = new Set([
  'title',
  'date',
  'categories',
  'category',
  'tags',
  'author',
  'authors',
  'description',
  'summary',
  'draft',
  'published',
  'slug',
  'timezone',
]);
const DAY = /^(\d{4}-\d{2}-\d{2})/;

export interface Mapped {
  frontMatter: string;
  /** `2018-11-13` from the date, else from the file name; null when neither has one. */
  day: string | null;
  slug: string;
  tags: string[];
  /** Keys of the post not carried over. */
  dropped: string[];
}

function strings(value: unknown, split: boolean): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'string' || typeof v === 'number' ? [String(v).trim()] : [])).filter(Boolean);
  if (typeof value === 'string') return (split ? value.split(/\s+/) : [value]).map((s) => s.trim()).filter(Boolean);
  return [];
}

/** First spelling of each tag, case-insensitively. */
function unique(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((t) => !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
}

export function postTags(data: Record<string, unknown>, kind: BlogKind['name']): string[] {
  const split = kind === 'jekyll'; // Jekyll reads `categories: ops post-mortem` as two
  return unique([...strings(data['categories'], split), ...strings(data['category'], false), ...strings(data['tags'], split)]);
}

export function mapFields(data: Record<string, unknown>, rawDate: string | null, name: string, kind: BlogKind['name']): Mapped {
  const fromName = DAY.exec(name)?.[1] ?? null;
  const bare = name.replace(/^\d{4}-\d{2}-\d{2}-?/, '');
  const title = typeof data['title'] === 'string' && data['title'].trim() ? data['title'].trim() : bare.replace(/[-_]+/g, ' ').trim() || name;
  const date = rawDate ?? fromName;
  const day = (rawDate ? DAY.exec(rawDate.replace(/^["']/, ''))?.[1] : null) ?? fromName;
  const slug = slugify(typeof data['slug'] === 'string' && data['slug'].trim() ? data['slug'] : bare || title) || 'post';
  const tags = postTags(data, kind);
  const authors = unique([...strings(data['author'], false), ...strings(data['authors'], false)]);
  const summary = [data['description'], data['summary']].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  const draft = data['draft'] === true || data['published'] === false;
  const lines = [
    `title: ${yamlValue(title, true)}`,
    ...(date ? [`date: ${date}`] : []),
    ...(typeof data['timezone'] === 'string' ? [`timezone: ${yamlValue(data['timezone'])}`] : []),
    `tags: ${yamlValue(tags, true)}`,
    ...(authors.length ? [`authors: ${yamlValue(authors, true)}`] : []),
    ...(summary ? [`summary: ${yamlValue(summary.trim(), true)}`] : []),
    ...(draft ? ['draft: true'] : []),
  ];
  return {
    frontMatter: `---\n${lines.join('\n')}\n---\n`,
    day,
    slug,
    tags,
    dropped: Object.keys(data)
      .filter((k) => !READ.has(k))
      .sort(),
  };
}

/**
 * The `date` value as the post wrote it: the rest of its line in the front-matter
 * (`2018-11-13 20:20:33 +0000`), without a trailing comment. Null when there is none or
 * it spans lines.
 */
export function rawDate(frontText: string): string | null {
  for (const line of frontText.split('\n')) {
    const m = /^date\s*[:=]\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    const value = (m[1] ?? '').replace(/\s+#.*$/, '');
    return value && !/^[|>[{]/.test(value) && !/[\0-\x1f\x7f]/.test(value) ? value : null;
  }
  return null;
}
