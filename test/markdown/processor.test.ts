import { describe, expect, it } from 'vitest';
import type { RootContent } from 'mdast';
import { readdirSync, readFileSync } from 'node:fs';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { gfmNeeds, remarkGfmLite } from '../../src/markdown/gfm.js';
import { parseMarkdown, renderHtml, renderMany } from '../../src/markdown/processor.js';

const nodes = (md: string): RootContent[] => parseMarkdown(md).children;

describe('markdown rendering', () => {
  it('sanitizes: no script, no javascript: URLs, no event handlers, no iframes', () => {
    const html = renderHtml(nodes('<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n<iframe src="https://e.example"></iframe>\n'));
    expect(html).not.toMatch(/<script|javascript:|onerror|<iframe/i);
  });

  it('reads GFM tables, task lists and strikethrough; leaves bare URLs as text', () => {
    const html = renderHtml(nodes('| a |\n|---|\n| 1 |\n\n- [x] done\n\n~~old~~ https://example.com\n'));
    expect(html).toContain('<table>');
    expect(html).toContain('<input type="checkbox" checked disabled aria-label="done">');
    expect(html).toContain('<del>old</del>');
    expect(html).not.toContain('<a href="https://example.com"');
  });

  it('renderMany gives the same HTML as one call per fragment', () => {
    const lists = [
      nodes('plain **bold** `code <x>` & more'),
      [],
      nodes('- a\n- b\n\n> quote'),
      nodes('[link](https://example.com/?a=1&b="2")'),
      nodes('| t |\n|---|\n| 1 |'),
    ];
    expect(renderMany(lists)).toEqual(lists.map((l) => (l.length ? renderHtml(l) : '')));
  });

  it('renderMany is not fooled by a fragment that contains its seam text', () => {
    const lists = [nodes('pm-seam-7f1c9a2e5b'), nodes('after')];
    expect(renderMany(lists)).toEqual(lists.map((l) => renderHtml(l)));
  });
});

describe('GFM extensions by content', () => {
  it('finds tables in quotes and lists, task items and strikethrough wherever they are', () => {
    expect(renderHtml(nodes('> | a | b |\n> |:--|--:|\n> | 1 | 2 |\n'))).toContain('<table>');
    expect(renderHtml(nodes('- item\n\n  | a |\n  | - |\n  | 1 |\n'))).toContain('<table>');
    expect(renderHtml(nodes('a | b\n--|--\n1 | 2\n'))).toContain('<td>1</td>');
    expect(renderHtml(nodes('* [X] shipped\n'))).toContain('checked');
    expect(renderHtml(nodes('text ~one~ and ~~two~~\n'))).toContain('<del>two</del>');
  });

  it('gives the same tree as a parser with every extension on', () => {
    const full = unified().use(remarkParse).use(remarkGfmLite).freeze();
    const posts = readdirSync('posts').filter((f) => f.endsWith('.md')).map((f) => readFileSync(`posts/${f}`, 'utf8'));
    const samples = [
      ...posts,
      'Plain text with a | pipe and - dash\n\n---\n\n- list\n',
      'a | b\n:-:|---\n1 | 2',
      '- [ ] open\n- [x] done\n\n~~gone~~ ~not~',
      '| not a table |\nbecause no delimiter row',
    ];
    for (const md of samples) expect(parseMarkdown(md)).toEqual(full.parse(md));
    expect(gfmNeeds('Plain | text - here\n---\n')).toEqual({ table: false, tasks: false, strikethrough: false });
    expect(gfmNeeds('| a |\n| :-: |')).toEqual({ table: true, tasks: false, strikethrough: false });
  });
});
