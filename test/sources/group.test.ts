import { describe, expect, it } from 'vitest';
import { messageShape } from '../../src/sources/shape.js';
import { Grouper } from '../../src/sources/group.js';
import type { TimelineEvent } from '../../src/timeline/types.js';
import { iso, readFixture } from './helpers.js';

describe('message shape', () => {
  it.each([
    ['Failed password for root from 121.18.238.104 port 4242 ssh2', 'Failed password for root from # port # ssh2'],
    ['Invalid user admin from 2001:db8::1 port 40003', 'Invalid user admin from # port #'],
    ['sshd[1234]: session 0x7f3a opened', 'sshd[#]: session # opened'],
    ['job 550e8400-e29b-41d4-a716-446655440000 done at 22:23:17.', 'job # done at #.'],
    ['request id=deadbeef42, took 12ms', 'request id=#, took 12ms'],
    ['no numbers here', 'no numbers here'],
  ])('%s', (text, shape) => {
    expect(messageShape(text)).toBe(shape);
  });

  it('keeps words that merely contain digits', () => {
    expect(messageShape('ssh2 user42 x86_64')).toBe('ssh2 user42 #');
  });
});

describe('grouping', () => {
  it('folds the same shape inside the window that starts at the first event', async () => {
    const r = await readFixture('brute.log', { match: 'Failed password for root', group: '10m' }, { zone: 'Europe/Berlin' });
    // 22:23:17, :23:20, :25:00, :31:02, :33:18 (past 22:33:17) and 22:36 (5 repeats).
    expect(r.events.map((e) => [e.source.line, e.count, e.text])).toEqual([
      [1, 4, '4× Failed password for root from 121.18.238.104 port 40001 ssh2'],
      [8, 6, '6× Failed password for root from 121.18.238.104 port 40008 ssh2'],
    ]);
    expect(iso(r.events[0]!.at)).toBe('2017-01-07T21:23:17.000Z');
    expect(iso(r.events[0]!.end!)).toBe('2017-01-07T21:31:02.000Z');
    expect(r.stats).toMatchObject({ matched: 6, events: 2 });
  });

  it('keeps different shapes apart and leaves single events untouched', async () => {
    const r = await readFixture('brute.log', { group: '1h' });
    expect(r.events.map((e) => e.text)).toEqual([
      '10× Failed password for root from 121.18.238.104 port 40001 ssh2',
      '2× Invalid user admin from 2001:db8::1 port 40003',
      'Failed password for admin from 121.18.238.104 port 40006 ssh2',
      'Accepted password for deploy from 10.0.0.5 port 40009 ssh2',
    ]);
    expect(r.events[2]!.count).toBeUndefined();
    expect(r.events[2]!.end).toBeNull();
  });

  it('escapes the grouped html', () => {
    const out: TimelineEvent[] = [];
    const g = new Grouper<{ at: number; text: string }>(
      60_000,
      (e) => out.push(e),
      (rec, line) => ({
        at: rec.at,
        end: null,
        zone: 'UTC',
        approximate: false,
        text: rec.text,
        html: rec.text,
        milestone: null,
        internal: false,
        source: { file: 'f', line },
      }),
    );
    g.add({ at: 0, text: 'Invalid user <script> from 1.2.3.4' }, 1);
    g.add({ at: 1000, text: 'Invalid user <script> from 1.2.3.5' }, 2);
    g.flush();
    expect(out[0]!.html).toBe('2× Invalid user &lt;script&gt; from 1.2.3.4');
    expect(out[0]!.end).toBe(1000);
  });

  it('flushes runs whose window has passed without holding every event', () => {
    const out: TimelineEvent[] = [];
    const g = new Grouper<{ at: number; text: string }>(
      1000,
      (e) => out.push(e),
      (rec, line) => ({
        at: rec.at,
        end: null,
        zone: 'UTC',
        approximate: false,
        text: rec.text,
        html: rec.text,
        milestone: null,
        internal: false,
        source: { file: 'f', line },
      }),
    );
    for (let i = 0; i < 10_000; i++) g.add({ at: i * 10, text: `unique message ${i % 7 ? 'a' : 'b'}${i}` }, i + 1);
    expect(out.length).toBeGreaterThan(0); // swept while reading
    g.flush();
    expect(out.reduce((n, e) => n + (e.count ?? 1), 0)).toBe(10_000);
  });
});
