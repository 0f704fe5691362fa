/**
 * `pm timeline --source LOG` for a log the post already lists under `sources:`: the events
 * are not doubled, and the user is told why the option was not used.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FIXTURES } from '../sources/helpers.js';
import { captureIO, tempDir } from './helpers.js';

let root: string;
const cwd = process.cwd();
beforeEach(() => {
  root = tempDir('pm-timeline-listed-');
  mkdirSync(path.join(root, 'posts'));
  cpSync(path.join(FIXTURES, 'irc/irssi.log'), path.join(root, 'posts/hashbang.log'));
  process.chdir(root);
});
afterEach(() => {
  process.chdir(cwd);
  rmSync(root, { recursive: true, force: true });
});

async function events(args: string[]): Promise<{ texts: string[]; err: string }> {
  const io = captureIO();
  expect(await main(['timeline', 'posts/de1.md', '--json', ...args], io)).toBe(0);
  return { texts: (JSON.parse(io.stdout) as { events: Array<{ text: string }> }).events.map((e) => e.text), err: io.stderrText };
}

describe('pm timeline --source on a listed log', () => {
  it('reads it once and says so; the same log twice on the command line too', async () => {
    writeFileSync(
      path.join(root, 'posts/de1.md'),
      '---\ntitle: de1\ndate: 2020-09-02\nsources:\n  - hashbang.log\n---\n\n## Timeline\n\n- 2020-09-02 08:25 UTC [T0] de1 stops answering\n',
    );
    const once = await events([]);
    expect(once.texts.length).toBeGreaterThan(2);
    const again = await events(['--source', 'posts/hashbang.log']);
    expect(again.texts).toEqual(once.texts);
    expect(again.err).toContain(
      'pm timeline: --source posts/hashbang.log is already listed under sources: as "hashbang.log": its events are read once, with the options written there',
    );

    writeFileSync(
      path.join(root, 'posts/de1.md'),
      '---\ntitle: de1\ndate: 2020-09-02\n---\n\n## Timeline\n\n- 2020-09-02 08:25 UTC [T0] de1 stops answering\n',
    );
    const twice = await events(['--source', 'posts/hashbang.log', '--source', './posts/../posts/hashbang.log']);
    expect(twice.texts).toEqual(once.texts);
    expect(twice.err).toContain('--source ./posts/../posts/hashbang.log is given twice');
  });
});
