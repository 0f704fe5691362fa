import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalPath } from '../../src/site/journal.js';
import { recoverOutput } from '../../src/site/write.js';
import { tempDir } from '../cli/helpers.js';

let root: string;
beforeEach(() => {
  root = tempDir('pm-journal-');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function put(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe('incremental commits', () => {
  it('a journal left by a build killed while applying it is completed by the next run', () => {
    const out = path.join(root, 'dist');
    const staging = path.join(root, 'dist.pm-staging-999999');
    put(path.join(out, 'index.html'), 'old index');
    put(path.join(out, 'incidents', 'gone', 'index.html'), 'old page');
    put(path.join(out, 'incidents', 'kept', 'index.html'), 'kept');
    // first move already applied before the kill; the second one still staged
    put(path.join(out, 'incidents', 'new', 'index.html'), 'new page');
    put(path.join(staging, 'index.html'), 'new index');
    writeFileSync(journalPath(out), JSON.stringify({ staging, moves: ['incidents/new/index.html', 'index.html'], deletes: ['incidents/gone/index.html'] }));

    recoverOutput(out);

    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('new index');
    expect(readFileSync(path.join(out, 'incidents', 'new', 'index.html'), 'utf8')).toBe('new page');
    expect(readFileSync(path.join(out, 'incidents', 'kept', 'index.html'), 'utf8')).toBe('kept');
    expect(existsSync(path.join(out, 'incidents', 'gone'))).toBe(false); // emptied folders go too
    expect(existsSync(journalPath(out))).toBe(false);
    expect(existsSync(staging)).toBe(false);
  });

  it('a torn journal (killed while writing it) was never committed and is dropped', () => {
    const out = path.join(root, 'dist');
    put(path.join(out, 'index.html'), 'old index');
    writeFileSync(journalPath(out), '{"staging": "/x", "moves": [');
    recoverOutput(out);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('old index');
    expect(existsSync(journalPath(out))).toBe(false);
  });

  it('an interrupted full swap (dist moved away, staging not yet in place) is undone', () => {
    const out = path.join(root, 'dist');
    put(path.join(root, 'dist.pm-retired-999999', 'index.html'), 'previous');
    recoverOutput(out);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('previous');
  });
});
