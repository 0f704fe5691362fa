/**
 * The HTML remark-html (with our sanitize schema) writes for plain trees, written
 * directly: headings (with an anchor id), paragraphs, tight lists of one-paragraph items,
 * fenced code, text, emphasis, strong, inline code and links. {@link renderDirect}
 * returns null for any other tree and the caller goes through remark-html, so the output
 * is the same byte for byte either way (test/markdown/html-direct.test.ts compares them).
 *
 * Only escaping and URL rules are copied, from the same sources: `normalizeUri` from
 * micromark-util-sanitize-uri (what mdast-util-to-hast uses) and the schema's `href`
 * protocols with hast-util-sanitize's protocol test.
 */
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { sanitizeSchema } from './schema.js';

const hrefProtocols = sanitizeSchema.protocols?.['href'] ?? [];

/** Sanitized HTML of `nodes`, or null when they hold anything this writer does not know. */
export function renderDirect(nodes: readonly RootContent[]): string | null {
  const out: string[] = [];
  for (const node of nodes) {
    const html = block(node);
    if (html === null) return null;
    out.push(html);
  }
  return out.join('\n');
}

function block(node: RootContent): string | null {
  switch (node.type) {
    case 'paragraph': {
      const inner = node.data ? null : phrasing(node.children);
      return inner === null ? null : `<p>${inner}</p>`;
    }
    case 'heading': {
      const id = headingId(node);
      const inner = id === null ? null : phrasing(node.children);
      if (inner === null) return null;
      return `<h${node.depth}${id ? ` id="${attr(id)}"` : ''}>${inner}</h${node.depth}>`;
    }
    case 'list': {
      if (node.ordered || node.spread || node.data) return null;
      const items: string[] = [];
      for (const item of node.children) {
        const para = item.children[0];
        if (item.spread || item.data || typeof item.checked === 'boolean' || item.children.length !== 1 || para?.type !== 'paragraph' || para.data) return null;
        const inner = phrasing(para.children);
        if (inner === null) return null;
        items.push(`<li>${inner}</li>`);
      }
      return `<ul>\n${items.join('\n')}\n</ul>`;
    }
    case 'code': {
      if (node.data) return null;
      const lang = node.lang ? node.lang.split(/\s+/)[0] : '';
      const cls = lang ? ` class="language-${attr(lang)}"` : '';
      return `<pre><code${cls}>${text(node.value ? `${node.value}\n` : '')}</code></pre>`;
    }
    default:
      return null;
  }
}

/** A heading may carry only the anchor id renderBody gives it. */
function headingId(node: Nodes & { type: 'heading' }): string | null {
  if (!node.data) return '';
  const keys = Object.keys(node.data);
  const props = node.data.hProperties;
  if (keys.length !== 1 || !props || Object.keys(props).length !== 1 || typeof props['id'] !== 'string') return null;
  return props['id'];
}

function phrasing(nodes: readonly PhrasingContent[]): string | null {
  let out = '';
  for (const node of nodes) {
    if (node.data) return null;
    switch (node.type) {
      case 'text':
        out += text(trimLines(node.value));
        break;
      case 'inlineCode':
        out += `<code>${text(node.value.replace(/\r?\n|\r/g, ' '))}</code>`;
        break;
      case 'emphasis':
      case 'strong': {
        const inner = phrasing(node.children);
        if (inner === null) return null;
        const tag = node.type === 'strong' ? 'strong' : 'em';
        out += `<${tag}>${inner}</${tag}>`;
        break;
      }
      case 'link': {
        const inner = node.title === null || node.title === undefined ? phrasing(node.children) : null;
        if (inner === null) return null;
        const href = normalizeUri(node.url);
        out += safeProtocol(href) ? `<a href="${attr(href)}">${inner}</a>` : `<a>${inner}</a>`;
        break;
      }
      default:
        return null;
    }
  }
  return out;
}

/** mdast-util-to-hast drops spaces and tabs around line endings in text. */
const trimLines = (value: string): string => (value.includes('\n') || value.includes('\r') ? value.replace(/[ \t]*(\r?\n|\r)[ \t]*/g, '$1') : value);
const text = (value: string): string => value.replace(/[&<]/g, (c) => (c === '&' ? '&#x26;' : '&#x3C;'));
const attr = (value: string): string => value.replace(/[&"]/g, (c) => (c === '&' ? '&#x26;' : '&#x22;'));

/** hast-util-sanitize's test: a scheme before any `/`, `?` or `#` must be an allowed one. */
function safeProtocol(url: string): boolean {
  const colon = url.indexOf(':');
  if (colon < 0) return true;
  for (const mark of ['/', '?', '#']) {
    const at = url.indexOf(mark);
    if (at > -1 && colon > at) return true;
  }
  return hrefProtocols.some((p) => colon === p.length && url.startsWith(p));
}
