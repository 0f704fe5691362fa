/**
 * hast.ts runs the HTML parser (hast-util-raw) only on the top-level blocks where it can
 * change the tree. This fuzzer mixes every construct that matters there — raw HTML, GFM
 * footnotes (also inside links), links, images, tables, task lists, autolinks, code — and
 * checks pm's body against unified + remark-gfm + rehype-raw (on the whole tree) +
 * rehype-sanitize with pm's schema, like the spec examples in spec.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Reporter } from '../../src/diagnostics.js';
import { bodyHtml, renderDocument } from '../../src/markdown/document.js';
import { parseMarkdown } from '../../src/markdown/processor.js';
import { reference, withoutPmMarkup } from './reference.js';

function pm(markdown: string): string {
  const doc = renderDocument({
    tree: parseMarkdown(markdown),
    section: null,
    items: [],
    source: markdown,
    reporter: new Reporter('posts/x.md'),
    lineOffset: 0,
  });
  return bodyHtml(doc, '');
}

// Pieces of markdown; raw HTML headings are left out (pm gives every heading an id of its own).
const pieces = [
  'text',
  ' ',
  'word ',
  '\n',
  '\n\n',
  '*',
  '_',
  '**',
  '~~',
  '`',
  '\\',
  '&amp;',
  '&#42;',
  '[^1]',
  '[^n]',
  '[^1]: a note',
  '[^n]: other\n    indented',
  '\n\n[^1]: note [link](http://d) end\n',
  '[',
  ']',
  '(http://u)',
  '[x](http://u)',
  '[a [^1]](http://v)',
  '![i](p.png "t")',
  '[r]',
  '[r]: http://r',
  '<http://auto.example>',
  'https://e.example/a?b=1&c=2',
  'www.w.example',
  'me@x.example',
  '- ',
  '1. ',
  '> ',
  '- [ ] ',
  '- [x] ',
  '# ',
  '## ',
  '---\n',
  '```\n',
  '    code\n',
  '| a | b |\n|---|:-:|\n| 1 | [^1] |\n',
  '<br>',
  '<kbd>k</kbd>',
  '<sup>',
  '</sup>',
  '<div>\n',
  '</div>\n',
  '<a href="http://h">',
  '</a>',
  '<details><summary>s</summary>\n',
  '</details>\n',
  '<!-- c -->',
  '<script>x</script>',
  '<img src=x onerror=y>',
  '<table><tr><td>',
  '</td></tr></table>\n',
  '<p>',
  '</p>',
  '<em>',
  '</em>',
  '\r\n',
  '\r',
  '\t',
  '\0',
  '\f',
  '\v',
  '\u00a0',
  '\ufeff',
  '<',
  '>',
  '"',
  "'",
  '&',
  '&nbsp;',
  '&#0;',
  '~~~\n',
  '```js\n',
  '` \n`',
  '[j](javascript:alert(1))',
  '[s](<a b> "t\'")',
  '***',
  '+ ',
  '2) ',
  '  ',
  '    - ',
  '\n- ',
];
const body = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), { maxLength: 40 }).map((xs) => xs.join(''));
// footnote calls are only footnotes when defined: most posts define the two the pieces call
const markdown = fc.tuple(body, fc.boolean()).map(([md, defs]) => (defs ? `${md}\n\n[^1]: a note\n\n[^n]: another\n` : md));

describe('the HTML parser runs where it changes the tree, and the result is the same', () => {
  it('fuzzed posts with raw HTML, footnotes, links, tables: pm = unified + rehype-raw on the whole tree', () => {
    fc.assert(
      fc.property(markdown, (md) => {
        expect(withoutPmMarkup(pm(md))).toBe(String(reference.processSync(md)).trim());
      }),
      { numRuns: 500 },
    );
  }, 300_000);

  it('a footnote call inside a link is moved out of it, as an HTML parser does', () => {
    const md = 'See [the graph [^1]](http://g.example) and more.\n\nNext paragraph.\n\n[^1]: From Grafana.\n';
    const html = pm(md);
    expect(html).toBe(String(reference.processSync(md)).trim());
    expect(html).toContain('<a href="http://g.example">the graph <sup></sup></a><a href="#user-content-fn-1"');
    expect(html).toContain('data-footnote-ref=""');
  });
});
