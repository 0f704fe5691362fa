import { describe, expect, it } from 'vitest';
import { fileHref, fileLinks } from '../../src/site/file-links.js';
import { basePath } from '../../src/site/render-indexes.js';

describe('links: file', () => {
  it('names index.html in relative folder links, keeping fragments and queries', () => {
    expect(fileHref('./')).toBe('./index.html');
    expect(fileHref('../../')).toBe('../../index.html');
    expect(fileHref('..')).toBe('../index.html');
    expect(fileHref('../../tags/dns/')).toBe('../../tags/dns/index.html');
    expect(fileHref('../x/#timeline')).toBe('../x/index.html#timeline');
    expect(fileHref('tags/?q=1')).toBe('tags/index.html?q=1');
  });

  it('leaves files, fragments, absolute paths and other schemes alone', () => {
    for (const href of ['feed.xml', '../x/timeline.json', '#main', '/repo/', 'https://example.org/a/', 'mailto:a@b.c', '//cdn.example/x/', '']) {
      expect(fileHref(href)).toBe(href);
    }
  });

  it('rewrites anchors only, never text that looks like one', () => {
    const html = '<a class="tag" href="../../tags/dns/">dns</a><link rel="stylesheet" href="../../assets/"><code>&lt;a href="x/"&gt;</code>';
    expect(fileLinks(html)).toBe('<a class="tag" href="../../tags/dns/index.html">dns</a><link rel="stylesheet" href="../../assets/"><code>&lt;a href="x/"&gt;</code>');
  });
});

describe('404.html base path', () => {
  it('is the path of base_url, or / without one', () => {
    expect(basePath('https://you.github.io/repo')).toBe('/repo/');
    expect(basePath('https://status.example.org')).toBe('/');
    expect(basePath('')).toBe('/');
  });
});
