import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchTargets, type Watcher } from '../../src/serve/watch.js';

let watcher: Watcher | null = null;
afterEach(() => watcher?.close());

function collect(dir: string, recursive = true): { batches: string[][]; next(): Promise<string[]> } {
  const batches: string[][] = [];
  let wake: (() => void) | null = null;
  watcher = watchTargets(
    [{ dir, recursive }],
    (b) => {
      batches.push(b);
      wake?.();
    },
    30,
  );
  return {
    batches,
    next: () =>
      new Promise((resolve, reject) => {
        const seen = batches.length;
        const t = setTimeout(() => reject(new Error('no batch')), 5000);
        wake = () => {
          if (batches.length > seen) {
            clearTimeout(t);
            resolve(batches[batches.length - 1]!);
          }
        };
      }),
  };
}

describe('watchTargets', () => {
  it('batches quick writes into one batch after a quiet moment', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pm-watch-'));
    const w = collect(dir);
    const next = w.next();
    writeFileSync(path.join(dir, 'a.md'), '1');
    writeFileSync(path.join(dir, 'b.md'), '1');
    writeFileSync(path.join(dir, 'a.md'), '2');
    expect(await next).toEqual([path.join(dir, 'a.md'), path.join(dir, 'b.md')]);
    expect(w.batches).toHaveLength(1);
  });

  it('reports a save through a temporary file and a rename under the real name; ignores editor droppings', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pm-watch-'));
    writeFileSync(path.join(dir, 'x.md'), 'old');
    const w = collect(dir);
    const next = w.next();
    writeFileSync(path.join(dir, 'x.md~'), 'new');
    renameSync(path.join(dir, 'x.md~'), path.join(dir, 'x.md'));
    expect(await next).toEqual([path.join(dir, 'x.md')]);
  });

  it('follows folders created after the start (bundles)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pm-watch-'));
    const w = collect(dir);
    let next = w.next();
    mkdirSync(path.join(dir, 'bundle'));
    expect(await next).toEqual([path.join(dir, 'bundle')]);
    next = w.next();
    writeFileSync(path.join(dir, 'bundle', 'index.md'), 'x');
    expect(await next).toContain(path.join(dir, 'bundle', 'index.md'));
    expect(watcher!.watched()).toEqual([dir, path.join(dir, 'bundle')]);
  });

  it('a non-recursive target does not look into sub-folders', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pm-watch-'));
    mkdirSync(path.join(dir, 'sub'));
    const w = collect(dir, false);
    const next = w.next();
    writeFileSync(path.join(dir, 'sub', 'deep.md'), 'x');
    writeFileSync(path.join(dir, 'top.md'), 'x');
    expect(await next).toEqual([path.join(dir, 'top.md')]);
  });
});
