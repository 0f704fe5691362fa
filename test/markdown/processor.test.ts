import { describe, expect, it } from 'vitest';
import type { RootContent } from 'mdast';
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
