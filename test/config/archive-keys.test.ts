import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, resolveConfig } from '../../src/config/resolve.js';
import { tempDir } from '../cli/helpers.js';

const root = tempDir('pm-config-archive-');
afterAll(() => rmSync(root, { recursive: true, force: true }));
const load = (text: string) => {
  writeFileSync(path.join(root, 'pm.config.yaml'), text);
  return loadConfig(root);
};

describe('page_size and search in pm.config.yaml', () => {
  it('defaults: 50 per page, search on', () => {
    expect(resolveConfig({})).toMatchObject({ pageSize: 50, search: true });
  });

  it('reads a page size and search: false', () => {
    const loaded = load('title: T\npage_size: 20\nsearch: false\n');
    expect(loaded.diagnostics).toEqual([]);
    expect(resolveConfig(loaded.config)).toMatchObject({ pageSize: 20, search: false });
  });

  for (const bad of ['0', '-5', '2.5', '1001', 'many', '[10]']) {
    it(`page_size: ${bad} is an error at its line and column`, () => {
      const { diagnostics, config } = load(`title: T\npage_size: ${bad}\n`);
      expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.level}`)).toEqual(['pm.config.yaml:2:12 error']);
      expect(diagnostics[0]!.message).toContain('expected a whole number of incidents per page from 1 to 1000');
      expect(config.page_size).toBeUndefined();
    });
  }

  it('search must be true or false; a library caller’s bad page size throws', () => {
    expect(load('search: maybe\n').diagnostics[0]).toMatchObject({ line: 1, column: 9, message: 'search: expected true or false' });
    expect(() => resolveConfig({ page_size: 0 })).toThrow(/page_size: expected a whole number/);
  });
});
