import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIO } from '../cli/helpers.js';
import { fileHref, fileLinks } from '../../src/render/file-links.js';
import { basePath } from '../../src/render/indexes.js';

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
    expect(fileLinks(html)).toBe(
      '<a class="tag" href="../../tags/dns/index.html">dns</a><link rel="stylesheet" href="../../assets/"><code>&lt;a href="x/"&gt;</code>',
    );
  });
});

describe('404.html base path', () => {
  it('is the path of base_url, or / without one', () => {
    expect(basePath('https://you.github.io/repo')).toBe('/repo/');
    expect(basePath('https://status.example.org')).toBe('/');
    expect(basePath('')).toBe('/');
  });
});

describe('pm build --file-links', () => {
  it('writes pages whose folder links name index.html', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'pm-file-links-cli-'));
    try {
      cpSync(path.resolve(import.meta.dirname, '../fixtures/site-basic'), path.join(work, 'site'), { recursive: true });
      const io = captureIO();
      expect(await main(['build', '--root', path.join(work, 'site'), '--out', path.join(work, 'dist'), '--file-links'], io)).toBe(0);
      const index = readFileSync(path.join(work, 'dist', 'index.html'), 'utf8');
      expect(index).toContain('href="./incidents/2020-09-02-outbound/index.html"');
      expect(index).not.toMatch(/<a [^>]*href="\.{0,2}\/?[^":#]*\/"/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
