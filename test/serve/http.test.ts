import { describe, expect, it } from 'vitest';
import { contentType, outputPath } from '../../src/serve/http.js';
import { CLIENT_PATH, injectServeHtml, overlayHtml } from '../../src/serve/inject.js';
import type { Diagnostic } from '../../src/diagnostics.js';

const error: Diagnostic = {
  level: 'error',
  file: 'posts/<x>.md',
  line: 3,
  column: 7,
  rule: 'frontmatter/syntax',
  message: 'bad <script>alert(1)</script> & "quote"',
};

describe('serve http helpers', () => {
  it.each([
    ['/', 'index.html'],
    ['/incidents/x/', 'incidents/x/index.html'],
    ['/feed.xml?x=1', 'feed.xml'],
    ['/tags/caf%C3%A9/', 'tags/café/index.html'],
    ['/incidents/x', 'incidents/x'],
  ])('%s → %s', (url, file) => {
    expect(outputPath(url)).toBe(file);
  });

  it('never names a page outside the site', () => {
    // pages come from memory: a dot-dot path resolves inside the site at worst
    expect(outputPath('/%2e%2e/etc/passwd')).toBe('etc/passwd');
    expect(outputPath('/a/..%2f..%2fb')).toBeNull();
    expect(outputPath('/a/%00')).toBeNull();
    expect(outputPath('/%E0%A4%A')).toBeNull();
  });

  it('content types', () => {
    expect(contentType('index.html')).toBe('text/html; charset=utf-8');
    expect(contentType('assets/style.1234.css')).toBe('text/css; charset=utf-8');
    expect(contentType('embed/pm-timeline.js')).toBe('text/javascript; charset=utf-8');
    expect(contentType('incidents/x/timeline.json')).toBe('application/json; charset=utf-8');
    expect(contentType('feed.xml')).toBe('application/atom+xml; charset=utf-8');
    expect(contentType('sitemap.xml')).toBe('application/xml; charset=utf-8');
    expect(contentType('assets/favicon.abc.svg')).toBe('image/svg+xml');
    expect(contentType('x.bin')).toBe('application/octet-stream');
  });

  it('injects the reload script before </body>, and the overlay while there are errors', () => {
    const html = '<html><body><p>hi</p></body></html>';
    expect(injectServeHtml(html, [])).toBe(`<html><body><p>hi</p><script src="${CLIENT_PATH}" data-pm-seq="0" data-pm-serve></script>\n</body></html>`);
    const withErrors = injectServeHtml(html, [error]);
    expect(withErrors).toContain('id="__pm-overlay"');
    expect(withErrors.indexOf('__pm-overlay')).toBeLessThan(withErrors.indexOf('</body>'));
  });

  it('escapes every diagnostic in the overlay', () => {
    const html = overlayHtml([error]);
    expect(html).toContain('posts/&lt;x&gt;.md:3:7: error: frontmatter/syntax: bad &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quote&quot;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('1 content error<');
  });

  it('leaves pages with their own Content-Security-Policy alone (embeds)', () => {
    const embed = '<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'"></head><body></body></html>';
    expect(injectServeHtml(embed, [error])).toBe(embed);
  });
});
