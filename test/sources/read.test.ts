import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/sources/detect.js';
import { readLines } from '../../src/sources/lines.js';
import { readSource } from '../../src/sources/read.js';
import { iso, readFixture, rules } from './helpers.js';

describe('reading files', () => {
  it('handles CRLF line endings and a last line without a line break', async () => {
    const r = await readFixture('crlf-truncated.log');
    expect(r.events.map((e) => e.text)).toEqual(['line one', 'line two', 'truncated last line without newline']);
    expect(r.events.every((e) => !e.text.includes('\r'))).toBe(true);
    expect(r.stats.lines).toBe(3);
    expect(r.diagnostics).toEqual([]);
  });

  it('skips a UTF-8 byte order mark', async () => {
    const r = await readFixture('bom.log');
    expect(r.events).toHaveLength(2);
    expect(r.events[0]!.text).toBe('first line after a BOM');
    expect(iso(r.events[0]!.at)).toBe('2017-01-07T22:23:17.000Z');
  });

  it('reports a binary file clearly and yields nothing', async () => {
    const r = await readFixture('binary.log', { format: 'syslog' });
    expect(r.events).toEqual([]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ level: 'error', rule: 'source/binary', file: 'posts/x/binary.log' });
    expect(r.diagnostics[0]!.message).toMatch(/not a text log.*NUL/);
  });

  it('reports invalid UTF-8 as binary', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pm-src-'));
    const file = path.join(dir, 'latin1.log');
    writeFileSync(file, Buffer.from([0x4a, 0x61, 0x6e, 0x20, 0xe9, 0xe9, 0x20, 0x41, 0x0a]));
    const r = await readSource({ path: 'latin1.log', format: 'syslog' }, { absPath: file, file: 'latin1.log', zone: 'UTC', year: 2017 });
    expect(r.diagnostics[0]).toMatchObject({ rule: 'source/binary' });
    expect(r.diagnostics[0]!.message).toMatch(/UTF-8/);
  });

  it('reports a missing file', async () => {
    const r = await readFixture('does-not-exist.log');
    expect(r.events).toEqual([]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ level: 'error', rule: 'source/missing', file: 'posts/x/does-not-exist.log' })]);
  });

  it('warns about an empty file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pm-src-'));
    const file = path.join(dir, 'empty.log');
    writeFileSync(file, '');
    const r = await readSource({ path: 'empty.log' }, { absPath: file, file: 'empty.log', zone: 'UTC', year: 2017 });
    expect(r.diagnostics).toEqual([expect.objectContaining({ level: 'warning', rule: 'source/empty' })]);
  });

  it('counts every malformed line, lists the first five, then a total', async () => {
    const r = await readFixture('malformed.log', { format: 'syslog' });
    expect(rules(r)).toEqual([
      '1:warning:source/malformed-line',
      '2:warning:source/malformed-line',
      '3:warning:source/malformed-line',
      '4:warning:source/malformed-line',
      '5:warning:source/malformed-line',
      '0:warning:source/malformed-summary',
    ]);
    expect(r.diagnostics[5]!.message).toMatch(/^7 of 8 lines .*first 5/);
    expect(r.stats).toMatchObject({ lines: 8, events: 1, matched: 1, malformed: 7 });
  });

  it('splits lines across chunk boundaries without breaking multi-byte characters', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pm-src-'));
    const file = path.join(dir, 'big.log');
    const lines = Array.from({ length: 20_000 }, (_, i) => `Jan  7 22:23:17 h app: ligne ${i} — 日本語 ✓`);
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    const seen: string[] = [];
    const stats = await readLines(file, (line) => seen.push(line));
    expect(stats.lines).toBe(20_000);
    expect(stats.truncated).toBe(false);
    expect(seen).toEqual(lines);
  });
});

describe('match / exclude', () => {
  it('keeps lines matching `match` and not matching `exclude`', async () => {
    const r = await readFixture('brute.log', { match: 'Failed password', exclude: 'for admin' });
    expect(r.events).toHaveLength(6); // the `message repeated` line matches too
    expect(r.events.every((e) => e.text.includes('Failed password for root'))).toBe(true);
    expect(r.stats.matched).toBe(6);
  });

  it('warns when nothing matched, and rejects a bad regular expression', async () => {
    const none = await readFixture('brute.log', { match: 'no such thing' });
    expect(rules(none)).toEqual(['0:warning:source/no-events']);
    const bad = await readFixture('brute.log', { match: '(unclosed' });
    expect(rules(bad)).toEqual(['0:error:source/regex']);
  });
});

describe('format detection', () => {
  it.each([
    ['x.ndjson', '', 'ndjson'],
    ['x.jsonl', '', 'ndjson'],
    ['x.json', '[{"a":1}]', 'json'],
    ['x.json', '{"__REALTIME_TIMESTAMP":"1"}\n', 'ndjson'],
    ['x.csv', '', 'csv'],
    ['x.yml', '', 'yaml'],
    ['auth.log', 'Jan  7 22:23:17 h sshd[1]: x\nJan  7 22:23:18 h sshd[1]: y\n', 'syslog'],
    ['messages', '<34>1 2003-10-11T22:14:15.003Z h su - ID47 - x\n', 'syslog'],
    ['syslog', '2026-01-07T22:23:17.123456+01:00 h prog: x\n', 'syslog'],
    ['access.log', '127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 1\n', 'clf'],
    ['events', '{"ts":1}\n', 'ndjson'],
    ['notes', '- at: 2017-01-07 22:23\n  text: x\n', 'yaml'],
    ['export', 'timestamp,message\n1,x\n', 'csv'],
    ['README', 'hello world\n', null],
  ])('%s → %s', (file, head, format) => {
    expect(detectFormat(file, head)).toBe(format);
  });

  it('reports an undetectable format with the list of formats', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pm-src-'));
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'hello\n');
    const r = await readSource({ path: 'notes.txt' }, { absPath: file, file: 'notes.txt', zone: 'UTC', year: 2017 });
    expect(r.diagnostics[0]).toMatchObject({ rule: 'source/format' });
    expect(r.diagnostics[0]!.message).toMatch(/syslog, ndjson, json, csv, yaml, clf/);
  });
});
