import { describe, expect, it } from 'vitest';
import { Reporter } from '../../src/diagnostics.js';
import { bodyHtml, renderDocument } from '../../src/markdown/document.js';
import { parseMarkdown } from '../../src/markdown/processor.js';

function render(md: string): { html: string; reporter: Reporter } {
  const reporter = new Reporter('posts/x.md');
  const doc = renderDocument({ tree: parseMarkdown(md), section: null, items: [], source: md, reporter, lineOffset: 0 });
  return { html: bodyHtml(doc, ''), reporter };
}

describe('parseMarkdown + the one pass', () => {
  it('sanitizes: no script, no javascript: URLs, no event handlers, no iframes', () => {
    const { html } = render(
      '<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n<iframe src="https://e.example"></iframe>\n',
    );
    expect(html).not.toMatch(/<script|javascript:|onerror|<iframe/i);
  });

  it('reads every GFM construct: tables, task lists, strikethrough, bare URLs, footnotes', () => {
    const { html } = render('| a |\n|---|\n| 1 |\n\n- [x] done\n- [ ] open\n\n~~old~~ see www.example.com/x now.[^n]\n\n[^n]: a note\n');
    expect(html).toContain('<table>');
    expect(html).toContain('<input type="checkbox" checked disabled aria-label="done">');
    expect(html).toContain('<input type="checkbox" disabled aria-label="not done">');
    expect(html).toContain('<del>old</del>');
    expect(html).toContain('<a href="http://www.example.com/x">www.example.com/x</a>');
    expect(html).toMatch(/<section data-footnotes="" class="footnotes">[\s\S]*a note/);
  });

  it('the tree keeps positions; the render never changes it', () => {
    const md = '# Title\n\nText [r].\n\n[r]: https://example.com\n';
    const tree = parseMarkdown(md);
    const before = JSON.stringify(tree);
    render(md);
    renderDocument({ tree, section: null, items: [], source: md, reporter: new Reporter('x.md'), lineOffset: 0 });
    expect(JSON.stringify(tree)).toBe(before);
    expect(tree.children[1]?.position?.start).toMatchObject({ line: 3, column: 1 });
  });

  it('gives headings ids once per document, repeats numbered', () => {
    const { html } = render('## Impact\n\n## Impact\n\n## Ünïcode & more\n');
    expect(html).toBe('<h2 id="impact">Impact</h2>\n<h2 id="impact-1">Impact</h2>\n<h2 id="unicode-more">Ünïcode &#x26; more</h2>');
  });
});
