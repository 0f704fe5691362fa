import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, resolveConfig } from '../../src/config/resolve.js';
import { formatDiagnostic } from '../../src/diagnostics.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function load(yaml: string): ReturnType<typeof loadConfig> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pm-config-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'pm.config.yaml'), yaml);
  return loadConfig(dir);
}

describe('url_preset and links', () => {
  it('url_preset: flat puts incidents and tag pages side by side as .html files', () => {
    const { config, diagnostics } = load('url_preset: flat\n');
    expect(diagnostics).toEqual([]);
    expect(resolveConfig(config).urls).toEqual({ incident: 'incidents/:slug.html', tag: 'incidents/tag_:tag.html', tags: 'incidents/tags.html' });
  });

  it('a key under urls: wins over the preset', () => {
    const { config } = load('url_preset: flat\nurls:\n  tags: incidents/all-tags.html\n');
    expect(resolveConfig(config).urls.tags).toBe('incidents/all-tags.html');
    expect(resolveConfig(config).urls.tag).toBe('incidents/tag_:tag.html');
  });

  it('an unknown preset or links value is an error at its line and column', () => {
    const { diagnostics } = load('title: x\nurl_preset: toString\nlinks: files\n');
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'pm.config.yaml:2:13: error: config/value: url_preset: expected one of flat',
      'pm.config.yaml:3:8: error: config/value: links: expected folders (links end in /) or file (links end in /index.html, for browsing dist/ from disk)',
    ]);
  });

  it('links defaults to folders; file from the config or an override', () => {
    expect(resolveConfig({}).links).toBe('folders');
    expect(resolveConfig(load('links: file\n').config).links).toBe('file');
    expect(resolveConfig({ links: 'folders' }, { links: 'file' }).links).toBe('file');
  });
});
