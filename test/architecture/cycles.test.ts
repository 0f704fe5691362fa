/**
 * No import cycles in src/ (issue #17): value or type-only, static or dynamic `import()`.
 * A cycle is listed as the modules it runs through, so the failure says where to cut.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './import-graph.js';

const SRC = path.resolve(import.meta.dirname, '../../src');

describe('import cycles', () => {
  it('src/ has none', () => {
    const graph = importGraph(SRC);
    expect(graph.size).toBeGreaterThan(100);
    const found = importCycles(graph);
    expect(found.map((c) => c.cycle.join(' → '))).toEqual([]);
  });

  describe('the detector', () => {
    const dirs: string[] = [];
    afterAll(() => {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });
    const tree = (files: Record<string, string>): string => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'pm-cycles-'));
      dirs.push(dir);
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
      }
      return dir;
    };

    it('sees type-only imports, re-exports and dynamic import() with NodeNext .js specifiers', () => {
      const dir = tree({
        'a.ts': "import type { B } from './sub/b.js';\nexport type A = B;\n",
        'sub/b.ts': "export type B = string;\nexport async function load(): Promise<unknown> { return import('../c.js'); }\n",
        'c.ts': "export { helper } from './d.js';\n",
        'd.ts': "import { type A } from './a.js';\nexport const helper = (a: A): A => a;\n",
        'e.ts': "import { helper } from './d.js';\nimport 'node:fs';\nexport const e = helper;\n",
      });
      const cycles = importCycles(importGraph(dir));
      expect(cycles).toEqual([{ members: ['a.ts', 'c.ts', 'd.ts', 'sub/b.ts'], cycle: ['a.ts', 'sub/b.ts', 'c.ts', 'd.ts', 'a.ts'] }]);
    });

    it('reports a module that imports itself, and nothing for a tree without cycles', () => {
      expect(importCycles(importGraph(tree({ 'self.ts': "export * from './self.js';\n" })))).toEqual([{ members: ['self.ts'], cycle: ['self.ts', 'self.ts'] }]);
      expect(importCycles(importGraph(tree({ 'a.ts': "import './b.js';\n", 'b.ts': "import './c.js';\n", 'c.ts': '' })))).toEqual([]);
    });
  });
});
