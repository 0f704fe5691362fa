/**
 * The README's examples run: every fenced block marked `sh example` or `js example`, in
 * order, in one temp folder, as a reader following along would. Shell blocks run with
 * `set -e` and the built `pm` on PATH; JavaScript blocks are ES modules importing the
 * package by its published name. A block that fails, or an example that goes missing,
 * fails the test.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompiled } from '../build/cli-helpers.js';
import { REPO, run } from './stranger.js';

interface Example {
  lang: 'sh' | 'js';
  line: number;
  code: string;
}

/** Top-level fences whose info string is `<lang> example`. */
export function readmeExamples(text: string): Example[] {
  const out: Example[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(sh|js) example\s*$/.exec(lines[i] ?? '');
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (end < 0) throw new Error(`README.md:${i + 1}: example block is never closed`);
    out.push({ lang: open[1] as Example['lang'], line: i + 1, code: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return out;
}

const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string };
const examples = readmeExamples(readFileSync(path.join(REPO, 'README.md'), 'utf8'));
let dir = '';
let shims = '';

beforeAll(() => {
  ensureCompiled();
  dir = mkdtempSync(path.join(tmpdir(), 'pm-readme-'));
  // `pm` on PATH, and the package importable by its name, as after `npm i`
  shims = path.join(dir, '.bin');
  mkdirSync(shims);
  writeFileSync(path.join(shims, 'pm'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(REPO, 'lib', 'pm', 'main.js')}" "$@"\n`);
  chmodSync(path.join(shims, 'pm'), 0o755);
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(REPO, path.join(dir, 'node_modules', pkg.name), 'dir');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('README examples', () => {
  it('has shell and JavaScript examples', () => {
    expect(examples.filter((e) => e.lang === 'sh').length).toBeGreaterThanOrEqual(1);
    expect(examples.filter((e) => e.lang === 'js').length).toBeGreaterThanOrEqual(2);
  });

  it('reads only closed, top-level example fences', () => {
    expect(readmeExamples('a\n```sh example\necho 1\n```\n```sh\nnot this\n```\n  ```js example\nindented\n  ```\n')).toEqual([
      { lang: 'sh', line: 2, code: 'echo 1' },
    ]);
    expect(() => readmeExamples('```js example\nopen')).toThrow('README.md:1: example block is never closed');
  });

  for (const [n, ex] of examples.entries()) {
    it(`README.md:${ex.line} (${ex.lang})`, async () => {
      const r =
        ex.lang === 'sh'
          ? await run('sh', ['-ec', ex.code], dir, { PATH: `${shims}${path.delimiter}${process.env['PATH'] ?? ''}` })
          : await run(process.execPath, [writeModule(n, ex.code)], dir);
      expect(r.code, `README.md:${ex.line} failed:\n${r.stdout}\n${r.stderr}`).toBe(0);
    }, 120_000);
  }
});

function writeModule(n: number, code: string): string {
  const file = path.join(dir, `example-${n}.mjs`);
  writeFileSync(file, code);
  return file;
}
