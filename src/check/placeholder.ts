/**
 * `check/placeholder`: the prompts `pm new` writes ("What happened, in two or three
 * sentences…") are reported where they still stand, so a post is not published with
 * the template's words in it. Found in the markdown's text, at their line and column.
 */
import { visit } from 'unist-util-visit';
import type { Diagnostic } from '../diagnostics.js';
import { PLACEHOLDERS } from '../incident/template.js';
import type { Incident } from '../incident/types.js';

const PROMPTS = Object.values(PLACEHOLDERS);

export function checkPlaceholders(incident: Incident): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(incident.tree, 'text', (node) => {
    const start = node.position?.start;
    if (!start) return;
    for (const prompt of PROMPTS) {
      const at = node.value.indexOf(prompt);
      if (at < 0) continue;
      const before = node.value.slice(0, at);
      const lines = before.split('\n');
      const line = start.line + lines.length - 1 + incident.bodyLineOffset;
      const column = lines.length === 1 ? start.column + at : (lines.at(-1) ?? '').length + 1;
      found.push({
        level: 'warning',
        file: incident.file,
        line,
        column,
        rule: 'check/placeholder',
        message: `template text still here: "${prompt}"; write what happened in its place (or delete the line)`,
      });
    }
  });
  return found;
}
