/**
 * `check/missing-section`: every post-mortem has the sections the site requires
 * (config `required_sections`; default Summary, Impact, Timeline, Root cause, Action
 * items). A heading of any level counts when its words contain the section's words,
 * case-insensitively: `## Root cause analysis` and `### Incident timeline` count.
 */
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import type { Diagnostic } from '../diagnostics.js';
import type { Incident } from '../incident/types.js';
import { frontMatterEnd } from './types.js';

/** Lowercase words separated by single spaces, padded so whole-word search is a substring test. */
export function headingWords(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return ` ${words} `;
}

export function headingsOf(incident: Incident): string[] {
  const found: string[] = [];
  visit(incident.tree, 'heading', (node) => {
    found.push(headingWords(toString(node)));
  });
  return found;
}

export function checkSections(incident: Incident, required: readonly string[]): Diagnostic[] {
  if (required.length === 0) return [];
  const headings = headingsOf(incident);
  const at = frontMatterEnd(incident);
  const problems: Diagnostic[] = [];
  for (const name of required) {
    const want = headingWords(name);
    if (want.trim() === '' || headings.some((h) => h.includes(want))) continue;
    problems.push({
      level: 'warning',
      file: incident.file,
      ...at,
      rule: 'check/missing-section',
      message: `missing section "${name}": add a "## ${name}" heading (required: ${required.join(', ')}; change the list with required_sections in pm.config.yaml)`,
    });
  }
  return problems;
}
