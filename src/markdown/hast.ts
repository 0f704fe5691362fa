/**
 * The transform and stringify steps of the markdown pipeline. mdast → hast
 * (mdast-util-to-hast, raw HTML kept as raw nodes), raw HTML parsed in place (hast-util-raw,
 * as GitHub does), then sanitized with GitHub's schema (hast-util-sanitize). What the
 * sanitizer takes out is reported first (removed.ts), so an author learns why a `<script>` or
 * an `<iframe>` is not on the page. The result is one sanitized hast tree for the whole
 * document; {@link stringify} writes it (hast-util-to-html).
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import type { Handlers } from 'mdast-util-to-hast';
import { createRequire } from 'node:module';
import type * as RawType from 'hast-util-raw';
import type * as SanitizeType from 'hast-util-sanitize';
import type * as ToHtmlType from 'hast-util-to-html';
import type * as ToHastType from 'mdast-util-to-hast';
import type * as VFileType from 'vfile';
import type { Reporter } from '../diagnostics.js';
import { reportRemoved } from './removed.js';
import { sanitizeSchema } from './schema.js';

/** Loaded with the parser, when a post is first rendered. */
const require = createRequire(import.meta.url);

export interface ToHastOptions {
  /** The markdown the tree was parsed from (raw HTML positions are read from it). */
  source: string;
  reporter: Reporter;
  /** Lines before the markdown (front-matter), added to reported lines. */
  lineOffset: number;
  /** Handlers for pm's own node types (the timeline placeholder). */
  handlers?: Handlers;
}

/** One pass from a whole document's mdast to sanitized hast. */
export function toSafeHast(tree: Root, options: ToHastOptions): HastRoot {
  const { toHast } = require('mdast-util-to-hast') as typeof ToHastType;
  const { raw } = require('hast-util-raw') as typeof RawType;
  const { sanitize } = require('hast-util-sanitize') as typeof SanitizeType;
  const { VFile } = require('vfile') as typeof VFileType;
  const hast = toHast(tree, { allowDangerousHtml: true, ...(options.handlers ? { handlers: options.handlers } : {}) });
  const parsed = reparse(hast as HastRoot, (tree) => raw(tree, { file: new VFile(options.source) }) as HastRoot);
  reportRemoved(parsed, sanitizeSchema, options.reporter, options.lineOffset);
  const safe = sanitize(parsed, sanitizeSchema) as HastRoot;
  labelTasks(safe);
  return safe;
}

/**
 * Runs the HTML parser (hast-util-raw) where it can change the tree: on the whole tree when
 * it holds raw HTML (an element may open in one block and close in another), else on each
 * top-level block with a GFM footnote (the parser turns `data-footnote-*` flags into empty
 * strings and moves a footnote call out of a link it is in) or a code block (it drops a
 * newline that starts one). Elsewhere the parser's output is its input, at the cost of a
 * second tree: spec.test.ts and a fuzzer (test/markdown/hast.test.ts) compare the result
 * with rehype-raw on whole trees.
 */
function reparse(tree: HastRoot, raw: (tree: HastRoot) => HastRoot): HastRoot {
  if (tree.children.some(hasRaw)) return raw(tree);
  const at = tree.children.flatMap((child, i) => (parserChanges(child) ? [i] : []));
  if (at.length === 0) return tree;
  // One parser run for all of those blocks (a run costs more to set up than a code block
  // costs to parse): each is one closed element, which the parser gives back as one.
  const out = raw({ type: 'root', children: at.map((i) => tree.children[i]!) }).children;
  if (out.length === at.length) at.forEach((i, k) => (tree.children[i] = out[k]!));
  else tree.children = tree.children.flatMap((child) => (parserChanges(child) ? raw({ type: 'root', children: [child] }).children : [child]));
  return tree;
}

function hasRaw(node: HastRoot['children'][number]): boolean {
  return (node.type as string) === 'raw' || ('children' in node && node.children.some(hasRaw));
}

function parserChanges(node: HastRoot['children'][number]): boolean {
  if (node.type !== 'element') return false;
  const p = node.properties;
  return node.tagName === 'pre' || 'dataFootnoteRef' in p || 'dataFootnotes' in p || node.children.some(parserChanges);
}

/** Task-list checkboxes are read-only state: give them a name screen readers announce (WCAG 4.1.2). */
function labelTasks(node: HastRoot | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'input' && child.properties['type'] === 'checkbox') child.properties['ariaLabel'] = child.properties['checked'] ? 'done' : 'not done';
    else labelTasks(child);
  }
}

/** HTML pm made itself (escaped by the theme), put into a sanitized tree (document.ts). */
export interface RawNode {
  type: 'raw';
  value: string;
}

/** Sanitized hast → HTML. The only raw node in a sanitized tree is pm's own: the sanitizer removes any other. */
export function stringify(tree: HastRoot): string {
  const { toHtml } = require('hast-util-to-html') as typeof ToHtmlType;
  return toHtml(tree, { allowDangerousHtml: true });
}
