/**
 * A post fresh from `pm new` still holds the template's prompts: `pm check` reports each
 * one at its line and column, and stops once the author has written their own words.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { captureIO, tempDir } from '../cli/helpers.js';

let root: string;
beforeEach(() => {
  root = tempDir('pm-placeholder-');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function check(): Promise<Diagnostic[]> {
  const io = captureIO();
  await main(['check', '--root', root, '--format', 'json'], io);
  return (JSON.parse(io.stdout) as Diagnostic[]).filter((d) => d.rule === 'check/placeholder');
}

/** 1-based line and column of `needle` in `text`. */
function place(text: string, needle: string): { line: number; column: number } {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}

describe('check/placeholder', () => {
  it('finds every prompt pm new wrote, where it stands, until it is replaced', async () => {
    const io = captureIO();
    expect(await main(['new', 'incident', 'Disk full on db1', '--root', root, '--date', '2026-03-04T09:30'], io)).toBe(0);
    expect(io.stderrText).toContain('check/placeholder');
    const file = path.join(root, 'posts', '2026-03-04-disk-full-on-db1.md');
    const text = readFileSync(file, 'utf8');
    const found = await check();
    const expected = [
      'What happened, in two or three sentences a reader outside the team understands.',
      'Who was affected, how, and for how long. Numbers beat adjectives.',
      'What was noticed first, and by whom.',
      'The chain of causes, down to the one that, fixed, stops this from happening again.',
      'What was done to restore service, and what was changed afterwards.',
      'owner: what will be done',
      'What went well, what went badly, where we got lucky.',
    ].map((prompt) => ({ file: 'posts/2026-03-04-disk-full-on-db1.md', level: 'warning', ...place(text, prompt), prompt }));
    expect(found.map((d) => ({ file: d.file, level: d.level, line: d.line, column: d.column, prompt: /"(.*)"/.exec(d.message)?.[1] }))).toEqual(expected);

    // The author writes the summary: that one goes, the rest stay.
    writeFileSync(file, text.replace(expected[0]!.prompt, 'The database disk filled up with WAL files.'));
    expect((await check()).length).toBe(expected.length - 1);
  });

  it('says nothing about posts written without the template', async () => {
    await main(['init', root], captureIO());
    expect(await check()).toEqual([]);
  });
});
