/**
 * Reports the raw HTML elements the sanitizer will take out of a post, as infos at the
 * element's `file:line:col`: GitHub's rules remove them silently, pm says so.
 */
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Schema } from 'hast-util-sanitize';
import type { Reporter } from '../diagnostics.js';

export function reportRemoved(tree: HastRoot, schema: Schema, reporter: Reporter, lineOffset: number): void {
  const allowed = new Set(schema.tagNames ?? []);
  const strip = new Set(schema.strip ?? []);
  const walk = (nodes: readonly HastContent[]): void => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      if (allowed.has(node.tagName)) {
        walk(node.children);
        continue;
      }
      report(node, strip.has(node.tagName), reporter, lineOffset);
      if (!strip.has(node.tagName)) walk(node.children);
    }
  };
  walk(tree.children);
}

function report(node: Element, stripped: boolean, reporter: Reporter, lineOffset: number): void {
  const start = node.position?.start;
  const what = stripped ? 'and its content are' : 'is';
  const keep = stripped ? '' : ' (its text is kept)';
  reporter.info(
    'markdown/html-removed',
    `<${node.tagName}> ${what} removed from the page${keep}: raw HTML follows GitHub's rules; remove the element or write it as markdown`,
    start ? { line: start.line + lineOffset, column: start.column } : undefined,
  );
}
