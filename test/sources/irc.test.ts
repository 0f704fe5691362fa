import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/sources/detect.js';
import { readSource } from '../../src/sources/read.js';
import type { SourceSpec } from '../../src/sources/types.js';
import { FIXTURES, iso, rules } from './helpers.js';

function readIrc(name: string, spec: Partial<SourceSpec> = {}, ctx: { zone?: string; near?: number | null } = {}) {
  return readSource(
    { path: name, ...spec },
    { absPath: path.join(FIXTURES, name), file: `posts/x/${name}`, zone: ctx.zone ?? 'UTC', year: 2017, near: ctx.near ?? null },
  );
}

const rows = (r: Awaited<ReturnType<typeof readIrc>>): string[] => r.events.map((e) => `${iso(e.at)} ${e.text}`);

describe('irc sources, one per client', () => {
  it('weechat: the date is on every line, read in the source zone (CDT, -05:00), the nick shown with the message', async () => {
    const r = await readIrc('irc/weechat.log', {}, { zone: 'America/Chicago' });
    expect(rows(r)).toEqual([
      '2020-09-02T13:45:12.000Z <alice> de1 is not answering pings <img src=x onerror=alert(1)>',
      '2020-09-02T13:45:40.000Z * bob opens the Hetzner robot console',
      '2020-09-02T13:50:00.000Z <bob> outbound traffic is blocked, abuse report NetscanOutLevel',
    ]);
    expect(r.events[0]!.html).toBe('&lt;alice&gt; de1 is not answering pings &lt;img src=x onerror=alert(1)&gt;');
    expect(r.events.map((e) => e.source.line)).toEqual([2, 3, 6]);
    expect(r.events[0]!.zone).toBe('America/Chicago');
    expect(r.diagnostics).toEqual([]);
  });

  it('irssi: dated by `--- Log opened` and `--- Day changed`; joins, quits and modes left out', async () => {
    const r = await readIrc('irc/irssi.log');
    expect(rows(r)).toEqual([
      '2020-09-02T10:21:00.000Z <alice> de1 down again?',
      '2020-09-02T10:22:00.000Z * bob looks at the hetzner console',
      '2020-09-02T23:59:00.000Z <bob> still nothing from support',
      '2020-09-03T00:05:00.000Z <bob> Hetzner replied: outbound traffic is blocked',
    ]);
    expect(r.events.map((e) => `${e.source.file}:${e.source.line}`)).toEqual([
      'posts/x/irc/irssi.log:3',
      'posts/x/irc/irssi.log:4',
      'posts/x/irc/irssi.log:6',
      'posts/x/irc/irssi.log:8',
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('irssi: include_joins keeps joins, quits and mode changes', async () => {
    const r = await readIrc('irc/irssi.log', { include_joins: true });
    expect(r.events.map((e) => e.text)).toContain('-!- mode/#hashbang [+o bob] by alice');
    expect(r.events.map((e) => iso(e.at))).toContain('2020-09-03T00:06:00.000Z');
    expect(r.events).toHaveLength(7);
  });

  it('ZNC: the date comes from the file name, the zone from the source (CEST, +02:00); escape codes stripped', async () => {
    const r = await readIrc('irc/znc/2020-09-02.log', {}, { zone: 'Europe/Berlin' });
    expect(rows(r)).toEqual([
      '2020-09-02T06:45:12.000Z <alice> de1 unreachable since 03:25 CDT',
      '2020-09-02T06:46:00.000Z * bob checks the abuse mail',
      '2020-09-02T06:52:41.000Z <bob> red alert: reboot requested',
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('HexChat: the year from `BEGIN LOGGING`, India time (+05:30); mode changes left out, actions kept', async () => {
    const r = await readIrc('irc/hexchat.log', {}, { zone: 'Asia/Kolkata' });
    expect(rows(r)).toEqual(['2020-09-02T03:15:12.000Z <alice> de1 is down', '2020-09-02T03:16:00.000Z * bob restarts the VM']);
  });

  it('HexChat without a year: the year nearest T0, rolled past New Year', async () => {
    const r = await readIrc('irc/hexchat-newyear.log', {}, { near: Date.UTC(2018, 0, 1, 0, 30) });
    expect(rows(r)).toEqual([
      '2017-12-31T23:58:00.000Z <alice> happy new year, sshd is busy',
      '2018-01-01T00:02:00.000Z <bob> auth.log is full of Failed password',
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('match, exclude and group work as on other sources', async () => {
    const m = await readIrc('irc/weechat.log', { match: 'bob' });
    expect(m.events.map((e) => e.text)).toEqual(['* bob opens the Hetzner robot console', '<bob> outbound traffic is blocked, abuse report NetscanOutLevel']);
    const x = await readIrc('irc/weechat.log', { exclude: '^\\S+ \\S+\\t(?:bob|@alice)\\t' });
    expect(x.events.map((e) => e.text)).toEqual(['* bob opens the Hetzner robot console']);
    const dir = mkdtempSync(path.join(tmpdir(), 'pm-irc-'));
    try {
      const lines = [1, 2, 3, 4, 5].map((n) => `2020-09-02 03:2${n}:00\tpingbot\tde1.hashbang.sh is DOWN (attempt ${n})`);
      writeFileSync(path.join(dir, 'mon.log'), `${lines.join('\n')}\n2020-09-02 04:00:00\tbob\tlooking\n`);
      const g = await readSource({ path: 'mon.log', group: '10m' }, { absPath: path.join(dir, 'mon.log'), file: 'mon.log', zone: 'UTC', year: 2020 });
      expect(g.events.map((e) => [iso(e.at), e.count, e.text])).toEqual([
        ['2020-09-02T03:21:00.000Z', 5, '5× <pingbot> de1.hashbang.sh is DOWN (attempt 1)'],
        ['2020-09-02T04:00:00.000Z', undefined, '<bob> looking'],
      ]);
      expect(iso(g.events[0]!.end!)).toBe('2020-09-02T03:25:00.000Z');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a ZNC line without a date in the file name is reported with its line and a fix', async () => {
    const undated = await readSource(
      { path: 'chan.log', format: 'irc' },
      { absPath: path.join(FIXTURES, 'irc/znc/2020-09-02.log'), file: 'posts/x/chan.log', zone: 'UTC', year: 2020 },
    );
    expect(undated.events).toEqual([]);
    expect(rules(undated)[0]).toBe('2:warning:source/malformed-line');
    expect(undated.diagnostics[0]!.message).toMatch(/YYYY-MM-DD in its file name/);
  });
});

describe('irc detection by content', () => {
  it.each([['irc/weechat.log'], ['irc/irssi.log'], ['irc/znc/2020-09-02.log'], ['irc/hexchat.log'], ['irc/hexchat-newyear.log']])(
    '%s is an IRC log, not JSON or syslog',
    (name) => {
      expect(detectFormat(name, readFileSync(path.join(FIXTURES, name), 'utf8'))).toBe('irc');
    },
  );

  it('a syslog file is still syslog, a tab-separated log with a time header still csv', () => {
    expect(detectFormat('auth.log', 'Dec 28 09:58:01 host sshd[1]: Failed password for root\n')).toBe('syslog');
    const tsv = 'time\tlevel\tmessage\n2020-09-02 08:45:12\tERROR\tdisk full\n2020-09-02 08:45:13\tINFO\tretrying\n';
    expect(detectFormat('app.log', tsv)).toBe('csv');
  });
});
