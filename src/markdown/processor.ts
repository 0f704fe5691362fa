/**
 * The one markdown pipeline: remark-parse + GFM tables, task lists and strikethrough
 * (gfm.ts) to an mdast with positions, then remark-html with GitHub-style sanitizing. Raw HTML in
 * posts is dropped, `javascript:` URLs and event handlers never reach a page.
 *
 * Plain posts take two shortcuts that give the same results (plain.ts, html-direct.ts), so
 * remark and its ~150 modules are loaded only when a post first needs them: a rebuild
 * after editing one plain post never loads them.
 */
import type { Root, RootContent } from 'mdast';
import { createRequire } from 'node:module';
import type remarkHtmlType from 'remark-html';
import type remarkParseType from 'remark-parse';
import type { unified as unifiedType } from 'unified';
import { gfmNeeds, remarkGfmLite, type GfmParts } from './gfm.js';
import { renderDirect } from './html-direct.js';
import { parsePlain } from './plain.js';
import { sanitizeSchema } from './schema.js';

const require = createRequire(import.meta.url);

function makeRemark() {
  const { unified } = require('unified') as { unified: typeof unifiedType };
  const remarkParse = (require('remark-parse') as { default: typeof remarkParseType }).default;
  const remarkHtml = (require('remark-html') as { default: typeof remarkHtmlType }).default;
  /** One frozen parser per combination of GFM extensions, made on first use. */
  const parsers = new Map<string, ReturnType<typeof makeParser>>();
  const makeParser = (parts: GfmParts) => unified().use(remarkParse).use(remarkGfmLite, parts).freeze();
  const compiler = unified().use(remarkHtml, { sanitize: sanitizeSchema }).freeze();
  return {
    parse(content: string, parts: GfmParts): Root {
      const key = `${+parts.table}${+parts.tasks}${+parts.strikethrough}`;
      let parser = parsers.get(key);
      if (!parser) parsers.set(key, (parser = makeParser(parts)));
      return parser.parse(content);
    },
    render: (root: Root): string => String(compiler.stringify(compiler.runSync(root) as Root)),
  };
}
let remark: ReturnType<typeof makeRemark> | undefined;
const full = () => (remark ??= makeRemark());

/**
 * Parses markdown into an mdast whose positions are relative to `content`. Posts in the
 * plain subset (plain.ts) skip micromark; the tree is the same either way.
 */
export function parseMarkdown(content: string): Root {
  const parts = gfmNeeds(content);
  if (!parts.table && !parts.tasks && !parts.strikethrough) {
    const plain = parsePlain(content);
    if (plain) return plain;
  }
  return full().parse(content, parts);
}

/** Renders a tree (or a list of nodes) to sanitized HTML; plain trees skip the hast round trip. */
export function renderHtml(nodes: Root | RootContent[]): string {
  const root: Root = Array.isArray(nodes) ? { type: 'root', children: nodes } : nodes;
  const direct = root.data ? null : renderDirect(root.children);
  if (direct !== null) return direct.trim();
  return labelTasks(full().render(root).trim());
}

/** Task-list checkboxes are read-only state: give them a name screen readers announce (WCAG 4.1.2). */
function labelTasks(html: string): string {
  if (!html.includes('<input')) return html;
  return html
    .replaceAll('<input type="checkbox" checked disabled>', '<input type="checkbox" checked disabled aria-label="done">')
    .replaceAll('<input type="checkbox" disabled>', '<input type="checkbox" disabled aria-label="not done">');
}

/** Marks the seams between fragments rendered in one pass by {@link renderMany}. */
const SEAM = 'pm-seam-7f1c9a2e5b';
const SEAM_HTML = `<p>${SEAM}</p>`;

/**
 * Renders many node lists in one pass through the compiler (its fixed cost per call
 * is larger than the work for a short timeline entry) and splits the result at seams.
 * Falls back to one call per list if a fragment could contain the seam text itself.
 */
export function renderMany(lists: readonly RootContent[][]): string[] {
  if (lists.length < 2) return lists.map((l) => (l.length ? renderHtml(l) : ''));
  const seam: RootContent = { type: 'paragraph', children: [{ type: 'text', value: SEAM }] };
  const children: RootContent[] = [];
  lists.forEach((l, i) => {
    if (i) children.push(seam);
    children.push(...l);
  });
  const parts = renderHtml(children).split(SEAM_HTML).map((h) => h.trim());
  if (parts.length !== lists.length) return lists.map((l) => (l.length ? renderHtml(l) : ''));
  return parts;
}
