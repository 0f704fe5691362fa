/**
 * The one markdown pipeline: remark-parse + GFM tables, task lists and strikethrough
 * (gfm.ts) to an mdast with positions, then remark-html with GitHub-style sanitizing. Raw HTML in
 * posts is dropped, `javascript:` URLs and event handlers never reach a page.
 */
import type { Root, RootContent } from 'mdast';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { defaultSchema } from 'hast-util-sanitize';
import type { Schema } from 'hast-util-sanitize';
import { remarkGfmLite } from './gfm.js';

/** GitHub's schema without the `user-content-` prefix so heading anchors stay readable. */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  clobberPrefix: '',
  attributes: {
    ...defaultSchema.attributes,
    // task-list checkboxes keep their state
    input: [...(defaultSchema.attributes?.['input'] ?? [])],
  },
};

const parser = unified().use(remarkParse).use(remarkGfmLite).freeze();
const compiler = unified().use(remarkHtml, { sanitize: sanitizeSchema }).freeze();

/** Parses markdown into an mdast whose positions are relative to `content`. */
export function parseMarkdown(content: string): Root {
  return parser.parse(content);
}

/** Renders a tree (or a list of nodes) to sanitized HTML. */
export function renderHtml(nodes: Root | RootContent[]): string {
  const root: Root = Array.isArray(nodes) ? { type: 'root', children: nodes } : nodes;
  return String(compiler.stringify(compiler.runSync(root) as Root)).trim();
}

/** Renders an inline markdown snippet (one paragraph) and strips the wrapping <p>. */
export function renderInline(markdown: string): string {
  return renderHtml(parseMarkdown(markdown)).replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}
