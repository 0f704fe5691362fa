import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DirSink } from '../../src/write/staging.js';
import { tempDir } from '../cli/helpers.js';

let root: string;
beforeEach(() => {
  root = tempDir('pm-sink-');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('DirSink', () => {
  it('writes pages under its folder, making the folders between', () => {
    const dir = path.join(root, 'staging');
    mkdirSync(dir);
    const sink = new DirSink(dir);
    sink.put([
      { path: 'incidents/a/index.html', contents: '<p>a</p>' },
      { path: 'incidents/a/timeline.json', contents: '{}' },
      { path: 'embed/a/index.html', contents: 'é' },
    ]);
    expect(readFileSync(path.join(dir, 'incidents', 'a', 'timeline.json'), 'utf8')).toBe('{}');
    expect(readFileSync(path.join(dir, 'embed', 'a', 'index.html'), 'utf8')).toBe('é');
  });

  it("never brings back its own folder once it is gone (a killed build's worker writing late)", () => {
    const dir = path.join(root, 'staging');
    mkdirSync(dir);
    const sink = new DirSink(dir);
    sink.put([{ path: 'incidents/a/index.html', contents: 'a' }]);
    rmSync(dir, { recursive: true });
    expect(() => sink.put([{ path: 'incidents/a/index.html', contents: 'late' }])).toThrow(/ENOENT/);
    expect(() => sink.put([{ path: 'incidents/b/index.html', contents: 'late' }])).toThrow(/ENOENT/);
    expect(existsSync(dir)).toBe(false);
  });

  it('replaces a file with a new one, never writes into it: a hard link to the live output keeps its bytes', () => {
    const dir = path.join(root, 'staging');
    mkdirSync(path.join(dir, 'incidents'), { recursive: true });
    const live = path.join(root, 'live.html');
    writeFileSync(live, 'published');
    linkSync(live, path.join(dir, 'incidents', 'index.html'));
    new DirSink(dir).put([{ path: 'incidents/index.html', contents: 'new' }]);
    expect(readFileSync(path.join(dir, 'incidents', 'index.html'), 'utf8')).toBe('new');
    expect(readFileSync(live, 'utf8')).toBe('published');
  });

  it('refuses a page path that climbs out of its folder', () => {
    const dir = path.join(root, 'staging');
    mkdirSync(dir);
    expect(() => new DirSink(dir).put([{ path: '../../../../../../../../../../x/y.html', contents: '' }])).toThrow(/outside/);
  });
});
