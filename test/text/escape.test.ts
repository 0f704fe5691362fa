/**
 * text/escape.ts: untrusted text made inert in each markup pm writes: no markup character
 * is left bare whatever the input, and unescaping gives the text back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, escapeXml, inlineRawText, logText } from '../../src/text/escape.js';
import { hostile, MARKUP, NUL } from './hostile.js';

const unescapeHtml = (s: string): string =>
  s.replace(/&(lt|gt|quot|#39|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] ?? '');
const unescapeXml = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '');

describe('escapeHtml (element text and quoted attributes)', () => {
  it('escapes the five characters', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('leaves no markup character bare and gives back the text exactly', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = escapeHtml(s);
        expect(out.replace(/&(lt|gt|quot|#39|amp);/g, '')).not.toMatch(/[<>"'&]/);
        expect(unescapeHtml(out)).toBe(s);
      }),
    );
  });
});

describe('escapeXml (feeds, sitemap)', () => {
  it('drops what XML cannot hold, then escapes with &apos;', () => {
    expect(escapeXml(`a${NUL}b\u001bc\ud800d & <e> ${MARKUP}`)).toBe('abcd &amp; &lt;e&gt; &quot;&apos;&lt;&gt;&amp;');
  });

  it('leaves no markup character bare', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        expect(escapeXml(s).replace(/&(lt|gt|quot|apos|amp);/g, '')).not.toMatch(/[<>"'&]/);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(unescapeXml(escapeXml(s))).toBe(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));
      }),
    );
  });
});

describe('inlineRawText (<style>/<script> inlined in a page)', () => {
  it('cannot be closed early by its content, in any letter case', () => {
    expect(inlineRawText('a</script><img src=x onerror=alert(1)>', 'script')).toBe('a<\\/script><img src=x onerror=alert(1)>');
    expect(inlineRawText('x</STYLE ><b>', 'style')).toBe('x<\\/STYLE ><b>');
    fc.assert(
      fc.property(hostile, (s) => {
        expect(inlineRawText(`${s}</script>`, 'script')).not.toMatch(/<\/script/i);
      }),
    );
  });
});

describe('escapeMarkdown (a markdown table cell)', () => {
  it('escapes pipes, HTML, emphasis and links', () => {
    expect(escapeMarkdown('a | <b> *c* [d](e) &')).toBe('a \\| \\<b\\> \\*c\\* \\[d\\]\\(e\\) &amp;');
  });
});

describe('logText (the two forms of a log event)', () => {
  it('is one clean line and that line escaped', () => {
    expect(logText(`<b>\u001b[1mbold\u001b[0m</b>\r\n'x' & "y" \u202e`)).toEqual({
      text: `<b>bold</b> 'x' & "y" `,
      html: '&lt;b&gt;bold&lt;/b&gt; &#39;x&#39; &amp; &quot;y&quot; ',
    });
  });
});
