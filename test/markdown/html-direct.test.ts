import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Root, RootContent } from 'mdast';
import remarkHtml from 'remark-html';
import { unified } from 'unified';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { renderDirect } from '../../src/markdown/html-direct.js';
import { parseMarkdown } from '../../src/markdown/processor.js';
import { sanitizeSchema } from '../../src/markdown/schema.js';
import { docs, nearMiss, word } from './arbitraries.js';

const compiler = unified().use(remarkHtml, { sanitize: sanitizeSchema }).freeze();
const viaRemark = (children: RootContent[]) => String(compiler.stringify(compiler.runSync({ type: 'root', children } as Root) as Root)).trim();

/** Gives headings anchor ids the way renderBody does, some with characters attributes must escape. */
function withIds(md: string): RootContent[] {
  const children = parseMarkdown(md).children;
  children.forEach((n, i) => {
    if (n.type === 'heading') n.data = { hProperties: { id: i % 2 ? `h-${i}` : `h"&<${i}>` } };
  });
  return children;
}

/** Compares the direct writer with remark-html on the whole tree and on each top-level node. */
function same(md: string): number {
  const children = withIds(md);
  let accepted = 0;
  for (const part of [children, ...children.map((c) => [c])]) {
    const direct = renderDirect(part);
    if (direct === null) continue;
    accepted++;
    expect(direct).toBe(viaRemark(part));
  }
  return accepted;
}

describe('renderDirect: remark-html without the hast round trip', () => {
  it.each([[3], [1], [0]])('writes what remark-html writes, or declines (odd-piece weight %i)', (odd) => {
    let accepted = 0;
    fc.assert(fc.property(docs(odd), (md) => void (accepted += same(md))), { numRuns: 1500, seed: 11 + odd });
    expect(accepted).toBeGreaterThan(500);
  });

  it('writes what remark-html writes around near misses', () => {
    const md = fc.tuple(word, nearMiss, fc.constantFrom('', '- ', '## ')).map(([w, miss, lead]) => `${lead}${w} ${miss} ${w}\n`);
    let accepted = 0;
    fc.assert(fc.property(md, (text) => void (accepted += same(text))), { numRuns: 2000, seed: 5 });
    expect(accepted).toBeGreaterThan(500);
  });

  it('drops unsafe link targets and escapes text and attributes', () => {
    const html = renderDirect(withIds('## a "b" &amp; &lt;c&gt;\n\n[x](javascript:alert(1)) [y](https://e.example/?q="1"&r=é) `<script>`\n'));
    expect(html).toBe(
      '<h2 id="h&#x22;&#x26;<0>">a "b" &#x26; &#x3C;c></h2>\n' +
        '<p><a>x</a> <a href="https://e.example/?q=%221%22&#x26;r=%C3%A9">y</a> <code>&#x3C;script></code></p>',
    );
  });

  it('declines what it does not write: raw HTML, tables, task lists, loose lists', () => {
    for (const md of ['<b>x</b>\n', '| a |\n|---|\n| 1 |\n', '- [x] done\n', '- a\n\n- b\n', '1. one\n', '> quote\n']) {
      expect(renderDirect(parseMarkdown(md).children), md).toBeNull();
    }
  });

  it('matches remark-html on trees not made from markdown (spaces around line breaks, extra data)', () => {
    const text = (value: string): RootContent => ({ type: 'paragraph', children: [{ type: 'text', value }] });
    for (const tree of [[text('a \n\tb')], [text('a\r\nb  ')]]) expect(renderDirect(tree)).toBe(viaRemark(tree));
    const heading = (data: object): RootContent[] => [{ type: 'heading', depth: 2, data, children: [{ type: 'text', value: 'x' }] }];
    expect(renderDirect(heading({ hProperties: { id: 'x', className: ['y'] } }))).toBeNull();
    expect(renderDirect(heading({ hName: 'div', hProperties: { id: 'x' } }))).toBeNull();
  });

  it('renders the sample posts exactly as remark-html does', () => {
    const dir = path.resolve('posts');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    let accepted = 0;
    for (const f of files) accepted += same(readFileSync(path.join(dir, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
    expect(accepted).toBeGreaterThan(20);
  });
});
