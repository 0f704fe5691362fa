import { describe, expect, it } from 'vitest';
import { parseSourceSpecs, parseWindow, unknownSourceKeys } from '../../src/sources/spec.js';

function parse(raw: unknown): { specs: ReturnType<typeof parseSourceSpecs>; messages: string[] } {
  const messages: string[] = [];
  const specs = parseSourceSpecs(raw, (message, key) => messages.push(`${key ?? '-'}: ${message}`));
  return { specs, messages };
}

describe('parseSourceSpecs', () => {
  it('accepts plain paths and full entries, normalizing zones and formats', () => {
    const { specs, messages } = parse([
      'auth.log',
      { path: 'access.log', format: 'CLF', timezone: 'US/Central', year: '2017', match: 'POST', group: '10m', label: 'web' },
      { path: 'events.jsonl', format: 'jsonl', time_field: 'meta.ts', text_field: 'body' },
    ]);
    expect(messages).toEqual([]);
    expect(specs).toEqual([
      { path: 'auth.log' },
      { path: 'access.log', format: 'clf', timezone: 'America/Chicago', year: 2017, match: 'POST', group: '10m', label: 'web' },
      { path: 'events.jsonl', format: 'ndjson', time_field: 'meta.ts', text_field: 'body' },
    ]);
  });

  it('skips entries with a bad value and says how to fix it', () => {
    const { specs, messages } = parse([
      { path: 'a.log', format: 'xml' },
      { path: 'b.log', match: '(unclosed' },
      { path: 'c.log', group: 'ten minutes' },
      { path: 'd.log', timezone: 'Mars/Olympus' },
      { path: 'e.log', year: 17 },
      { format: 'syslog' },
      42,
      'ok.log',
    ]);
    expect(specs).toEqual([{ path: 'ok.log' }]);
    expect(messages).toHaveLength(7);
    expect(messages[0]).toMatch(/^format: entry 1: unknown format "xml"; use one of syslog, ndjson, json, csv, yaml, clf/);
    expect(messages[1]).toMatch(/^match: entry 2: .*not a valid regular expression/);
    expect(messages[2]).toMatch(/^group: entry 3: .*30s, 10m or 1h/);
    expect(messages[3]).toMatch(/^timezone: entry 4: unknown time zone "Mars\/Olympus"/);
    expect(messages[4]).toMatch(/^year: entry 5/);
    expect(messages[5]).toMatch(/^path: entry 6: `path` is required/);
    expect(messages[6]).toMatch(/entry 7: expected a path or an object/);
  });

  it('an unknown key is no error: the entry is kept, and unknownSourceKeys warns with a hint', () => {
    const raw = [{ path: 'a.log', grup: '10m' }, 'b.log', { path: 'c.log', colour: 'red' }];
    const { specs, messages } = parse(raw);
    expect(specs).toEqual([{ path: 'a.log' }, { path: 'b.log' }, { path: 'c.log' }]);
    expect(messages).toEqual([]);
    expect(unknownSourceKeys(raw)).toEqual([
      'entry 1: unknown key `grup` is ignored; did you mean `group`?',
      expect.stringMatching(/^entry 3: unknown key `colour` is ignored; known keys: path, format, timezone/),
    ]);
    expect(unknownSourceKeys(undefined)).toEqual([]);
  });

  it('accepts an absent value, a single path and a single object', () => {
    expect(parse(undefined).specs).toEqual([]);
    expect(parse('auth.log').specs).toEqual([{ path: 'auth.log' }]);
    expect(parse({ path: 'x.csv' }).specs).toEqual([{ path: 'x.csv' }]);
    expect(parse(12).messages).toHaveLength(1);
  });
});

describe('parseWindow', () => {
  it.each([
    ['10m', 600_000],
    ['30s', 30_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['1.5m', 90_000],
  ])('%s', (text, ms) => expect(parseWindow(text)).toBe(ms));

  it.each(['', '10', 'ten minutes', '0s', '-5m', '5 x'])('rejects %j', (text) => expect(parseWindow(text)).toBeNull());
});
