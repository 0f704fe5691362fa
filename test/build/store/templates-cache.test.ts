import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadTemplates, saveTemplates, templatesFile } from '../../../src/build/store/templates-cache.js';

const before = process.env['XDG_CACHE_HOME'];
const dirs: string[] = [];
afterEach(() => {
  if (before === undefined) delete process.env['XDG_CACHE_HOME'];
  else process.env['XDG_CACHE_HOME'] = before;
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});
const home = (): string => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'pm-templates-'));
  dirs.push(d);
  return d;
};

describe('precompiled templates in the user cache folder', () => {
  it('keeps them per key, in a folder only the user can read', () => {
    process.env['XDG_CACHE_HOME'] = home();
    saveTemplates('site-a', { 'layouts/x': '{"main":1}' });
    expect(loadTemplates('site-a')).toEqual({ 'layouts/x': '{"main":1}' });
    expect(loadTemplates('site-b')).toEqual({});
    expect(statSync(path.dirname(path.dirname(templatesFile('site-a')))).mode & 0o077).toBe(0);
  });

  it('a cache folder it cannot write only means compiling again', () => {
    const d = home();
    const notADir = path.join(d, 'file');
    writeFileSync(notADir, 'x');
    process.env['XDG_CACHE_HOME'] = notADir;
    expect(() => saveTemplates('k', { a: 'b' })).not.toThrow();
    expect(loadTemplates('k')).toEqual({});
  });
});
