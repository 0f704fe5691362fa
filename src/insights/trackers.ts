/**
 * Issue trackers: `trackers:` in pm.config.yaml maps a reference prefix to a URL
 * pattern, so `#123` and `OPS-123` in an action item become links.
 *
 *   trackers:
 *     "#": https://github.com/acme/ops/issues/:id      # #123    → …/issues/123
 *     OPS: https://acme.atlassian.net/browse/:id       # OPS-123 → …/browse/OPS-123
 *
 * `:id` is the number after `#`, and the whole key (`OPS-123`) for a project prefix.
 */
import type { IssueLink } from './types.js';

export type Trackers = Record<string, string>;

const PREFIX = /^(?:#|[A-Z][A-Z0-9_]{0,29})$/;
const PATTERN = /^https?:\/\/[^\s"'<>`\\]+$/i;

export interface TrackerProblem {
  /** The prefix under `trackers:`, or '' for the mapping itself. */
  key: string;
  /** Starts with `trackers`. */
  message: string;
}

/** Problems with a `trackers:` value; empty when it is usable. */
export function trackerProblems(value: unknown): TrackerProblem[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [
      {
        key: '',
        message: 'trackers: expected a mapping such as {"#": "https://github.com/org/repo/issues/:id", OPS: "https://example.atlassian.net/browse/:id"}',
      },
    ];
  }
  const problems: TrackerProblem[] = [];
  for (const [key, pattern] of Object.entries(value as Record<string, unknown>)) {
    const problem = !PREFIX.test(key)
      ? 'a prefix is "#" or a project key in capitals such as OPS or JIRA'
      : typeof pattern !== 'string' || !PATTERN.test(pattern)
        ? 'expected an http(s) URL holding :id, such as https://example.org/issues/:id'
        : pattern.split(':id').length !== 2
          ? 'the URL must hold :id exactly once'
          : null;
    if (problem) problems.push({ key, message: `trackers.${key}: ${problem}` });
  }
  return problems;
}

/** A library caller's trackers, checked: a bad one throws (the CLI reports it with a line). */
export function checkedTrackers(value: Trackers | undefined): Trackers {
  if (value === undefined) return {};
  const problems = trackerProblems(value);
  if (problems.length) throw new TypeError(problems.map((p) => p.message).join('; '));
  return { ...value };
}

/**
 * The issues an action item links to: its own http(s) links, then each tracker reference
 * written in its text (`#123` only after a space or punctuation, `OPS-123` as a whole word),
 * in order, each once.
 */
export function issueLinks(text: string, urls: readonly string[], trackers: Trackers): IssueLink[] {
  const found: IssueLink[] = urls.filter((u) => /^https?:\/\//i.test(u)).map((url) => ({ label: url, url }));
  const keys = Object.keys(trackers).filter((k) => k !== '#');
  const hash = trackers['#'];
  const refs = /(^|[\s(,;[])#(\d{1,9})\b|\b([A-Z][A-Z0-9_]{0,29})-(\d{1,9})\b/g;
  for (const m of text.matchAll(refs)) {
    const [label, id] = m[2] !== undefined ? [`#${m[2]}`, m[2]] : [`${m[3]}-${m[4]}`, `${m[3]}-${m[4]}`];
    const pattern = m[2] !== undefined ? hash : keys.includes(m[3] ?? '') ? trackers[m[3]!] : undefined;
    if (pattern === undefined) continue;
    const url = pattern.replace(':id', encodeURIComponent(id));
    if (!found.some((f) => f.url === url)) found.push({ label, url });
  }
  return found;
}
