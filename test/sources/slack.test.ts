import { cpSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/sources/read.js';
import type { SourceSpec } from '../../src/sources/types.js';
import { FIXTURES, iso } from './helpers.js';

function readSlack(rel: string, spec: Partial<SourceSpec> = {}, root = FIXTURES) {
  return readSource({ path: rel, ...spec }, { absPath: path.join(root, rel), file: `posts/x/${rel}`, zone: 'America/Chicago', year: 2020 });
}

describe('slack export sources', () => {
  it('reads a channel folder: names from users.json, mentions as @name, joins left out, µs kept, thread replies marked', async () => {
    const r = await readSlack('slack/incident');
    expect(r.events.map((e) => `${iso(e.at)} ${e.text}`)).toEqual([
      '2020-09-02T08:45:12.000Z alice.l: de1 is unreachable, @Bob <b>Tables</b> can you look? <script>alert(1)</script>',
      '2020-09-02T08:46:40.123Z Bob <b>Tables</b> (in thread “alice.l: de1 is unreachable, @Bob <b>Ta…”): on it',
      '2020-09-02T09:00:00.000Z hetzner-bot: Abuse report #4711 reopened',
      '2020-09-03T00:10:00.000Z Bob <b>Tables</b> (in thread “alice.l: de1 is unreachable, @Bob <b>Ta…”): Hetzner unblocked outbound traffic',
    ]);
    // ts "1599036400.123456": the microseconds are kept.
    expect(r.events[1]!.at).toBeCloseTo(1599036400123.456, 3);
    expect(r.events[1]!.precision).toBe('.123456');
    expect(r.events.every((e) => e.zone === 'UTC')).toBe(true);
    // Attacker-controlled names and text are escaped.
    expect(r.events[0]!.html).toBe('alice.l: de1 is unreachable, @Bob &lt;b&gt;Tables&lt;/b&gt; can you look? &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.events.map((e) => `${e.source.file}:${e.source.line}`)).toEqual([
      'posts/x/slack/incident/2020-09-02.json:9',
      'posts/x/slack/incident/2020-09-02.json:18',
      'posts/x/slack/incident/2020-09-02.json:26',
      'posts/x/slack/incident/2020-09-03.json:2',
    ]);
    // The message without a ts is reported in its day file, with its line.
    expect(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.level}:${d.rule}`)).toEqual([
      'posts/x/slack/incident/2020-09-03.json:10:warning:source/malformed-line',
      'posts/x/slack/incident:0:warning:source/malformed-summary',
    ]);
  });

  it('reads the export root with `channel:`; without it, lists the channels', async () => {
    const r = await readSlack('slack', { channel: 'general' });
    expect(r.events.map((e) => `${iso(e.at)} ${e.text}`)).toEqual(['2020-09-02T09:46:40.000Z alice.l: lunch?']);
    expect(r.events[0]!.source.file).toBe('posts/x/slack/general/2020-09-02.json');
    const none = await readSlack('slack');
    expect(none.diagnostics[0]).toMatchObject({ level: 'error', rule: 'source/slack-channel' });
    expect(none.diagnostics[0]!.message).toMatch(/`channel:` \(one of general, incident\)/);
    const outside = await readSlack('slack', { channel: '../irc' });
    expect(outside.events).toEqual([]);
    expect(outside.diagnostics[0]!.message).toMatch(/no channel folder "..\/irc"/);
  });

  it('include_joins keeps channel_join; match filters on the shown text', async () => {
    const joins = await readSlack('slack/incident', { include_joins: true });
    expect(joins.events[0]!.text).toBe('alice.l: @alice.l has joined the channel');
    const m = await readSlack('slack/incident', { match: '^Bob' });
    expect(m.events.map((e) => e.source.line)).toEqual([18, 2]);
  });

  it('does not follow a day file that is a symbolic link out of the export', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pm-slack-'));
    try {
      cpSync(path.join(FIXTURES, 'slack'), path.join(dir, 'slack'), { recursive: true });
      writeFileSync(path.join(dir, 'secret.json'), '[{"ts":"1599040000.0","user":"U01ALICE","text":"SECRET"}]');
      symlinkSync(path.join(dir, 'secret.json'), path.join(dir, 'slack/general/2020-09-03.json'));
      const r = await readSlack('slack/general', {}, dir);
      expect(r.events.map((e) => e.text)).toEqual(['alice.l: lunch?']);
      expect(r.diagnostics[0]).toMatchObject({ level: 'warning', rule: 'source/slack' });
      expect(r.diagnostics[0]!.message).toMatch(/2020-09-03.json is not a regular file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never looks for users.json above the site folder', async () => {
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'pm-slack-fence-')));
    try {
      cpSync(path.join(FIXTURES, 'slack/users.json'), path.join(dir, 'users.json'));
      cpSync(path.join(FIXTURES, 'slack/general'), path.join(dir, 'site'), { recursive: true });
      const ctx = { absPath: path.join(dir, 'site'), file: '.', zone: 'UTC', year: 2020 };
      const fenced = await readSource({ path: '.' }, { ...ctx, fence: path.join(dir, 'site') });
      expect(fenced.events.map((e) => e.text)).toEqual(['U01ALICE: lunch?']);
      expect(fenced.diagnostics[0]!.message).toMatch(/no users.json/);
      // The same folder named on the command line (no fence) is a channel of the export above it.
      const open = await readSource({ path: '.' }, ctx);
      expect(open.events.map((e) => e.text)).toEqual(['alice.l: lunch?']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
