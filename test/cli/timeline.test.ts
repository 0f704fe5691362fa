import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIO, tempDir } from './helpers.js';
import { FIXTURES } from '../sources/helpers.js';

let root: string;
const cwd = process.cwd();
beforeEach(() => {
  root = tempDir('pm-timeline-');
  mkdirSync(path.join(root, 'posts'));
  process.chdir(root);
});
afterEach(() => {
  process.chdir(cwd);
  rmSync(root, { recursive: true, force: true });
});

const run = (args: string[], io = captureIO()) => main(args, io).then((code) => ({ code, io }));
const HEAD = '---\ntitle: de1 unreachable\ndate: 2020-09-02\n---\n\n';
// One event text as long as the ones people paste from a chat log.
const LONG = `outbound traffic blocked by the host after an abuse report about a netscan ${'from one of the shell accounts, '.repeat(25)}end`;

describe('pm timeline', () => {
  it('on a file without a Timeline section says why and what to add, prints no empty table, exits 1', async () => {
    writeFileSync(path.join(root, 'posts/de1.md'), `${HEAD}Everything went wrong, then right.\n`);
    const { code, io } = await run(['timeline', 'posts/de1.md']);
    expect(code).toBe(1);
    expect(io.stdout).toBe('');
    expect(io.stderrText).toContain('posts/de1.md has no timeline: it has no "## Timeline" section and it lists no logs under `sources:`');
    expect(io.stderrText).toContain('`- 2020-09-02 03:25 UTC [T0] server unreachable`');
  });

  it('on a Timeline section without entries says that instead', async () => {
    writeFileSync(path.join(root, 'posts/de1.md'), `${HEAD}## Timeline\n\nWe will fill this in.\n`);
    const { code, io } = await run(['timeline', 'posts/de1.md']);
    expect(code).toBe(1);
    expect(io.stderrText).toContain('the Timeline section of posts/de1.md has no entries');
  });

  it('wraps event text to the terminal width, and keeps it whole when piped', async () => {
    writeFileSync(path.join(root, 'posts/de1.md'), `${HEAD}## Timeline\n\n- 03:25 UTC [T0] ${LONG}\n- 08:45 UTC noticed on IRC\n`);
    const terminal = captureIO({ tty: true });
    terminal.columns = 100;
    const tty = await run(['timeline', 'posts/de1.md'], terminal);
    expect(tty.code).toBe(0);
    const lines = tty.io.stdout.split('\n');
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(100);
    // Every word is still there, in order, continuation lines under the Event column.
    const row = lines.findIndex((l) => l.includes('outbound'));
    const start = lines[row]!.indexOf('outbound');
    const cont = lines.slice(row + 1).filter((l) => l.startsWith(' '.repeat(start)) && l.trim() !== '');
    expect([lines[row]!.slice(start), ...cont.map((l) => l.trim())].join(' ')).toBe(LONG.trim().replace(/\s+/g, ' '));

    const piped = await run(['timeline', 'posts/de1.md']);
    expect(piped.io.stdout.split('\n').some((l) => l.endsWith(LONG.trim()))).toBe(true);
  });

  it('puts an IRC log and a Slack channel, detected by content, on the timeline of the incident that lists them', async () => {
    cpSync(path.join(FIXTURES, 'irc/irssi.log'), path.join(root, 'posts/hashbang.log'));
    cpSync(path.join(FIXTURES, 'slack'), path.join(root, 'posts/slack'), { recursive: true });
    const post = `---\ntitle: de1 unreachable\ndate: 2020-09-02\nsources:\n  - hashbang.log\n  - { path: slack, channel: incident, label: "#incident" }\n---\n\n## Timeline\n\n- 2020-09-02 08:25 UTC [T0] de1 stops answering\n`;
    writeFileSync(path.join(root, 'posts/de1.md'), post);
    const { code, io } = await run(['timeline', 'posts/de1.md', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(io.stdout) as {
      events: Array<{ at: string; local: string; text: string; source: { file: string; line: number; label?: string } }>;
    };
    // Slack's ts "1599036400.123456": the microseconds are shown.
    expect(json.events[2]!.local).toBe('2020-09-02 08:46:40.123456 UTC');
    const row = (e: (typeof json.events)[number]) => `${e.at} ${e.source.label ?? `${e.source.file}:${e.source.line}`} ${e.text.slice(0, 24)}`;
    expect(json.events.map(row)).toEqual([
      '2020-09-02T08:25:00.000Z posts/de1.md:11 de1 stops answering',
      '2020-09-02T08:45:12.000Z #incident alice.l: de1 is unreacha',
      '2020-09-02T08:46:40.123Z #incident Bob <b>Tables</b> (in th',
      '2020-09-02T09:00:00.000Z #incident hetzner-bot: Abuse repor',
      '2020-09-02T10:21:00.000Z posts/hashbang.log:3 <alice> de1 down again?',
      '2020-09-02T10:22:00.000Z posts/hashbang.log:4 * bob looks at the hetzn',
      '2020-09-02T23:59:00.000Z posts/hashbang.log:6 <bob> still nothing from',
      '2020-09-03T00:05:00.000Z posts/hashbang.log:8 <bob> Hetzner replied: o',
      '2020-09-03T00:10:00.000Z #incident Bob <b>Tables</b> (in th',
    ]);
  });
});
