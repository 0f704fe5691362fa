/**
 * Nanosecond timestamps (Go's RFC3339Nano, as Kubernetes and many Go services log
 * them) are shown with the digits written, in the right second — even when the
 * fraction rounds the stored double up into the next second.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { formatLocal, formatUtc } from '../../src/time/format.js';
import { parseTimestamp } from '../../src/time/parse-timestamp.js';
import { captureIO } from '../cli/helpers.js';

describe('sub-millisecond digits', () => {
  it('pm timeline shows 10:00:00.999999999 as written, in the hand timeline and from a log', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pm-nanos-'));
    try {
      writeFileSync(
        path.join(dir, 'pods.ndjson'),
        ['{"ts":"2024-01-01T10:00:00.999999999Z","msg":"container killed: OOMKilled"}', '{"ts":"2024-01-01T23:59:59.9999999Z","msg":"pod rescheduled"}'].join(
          '\n',
        ) + '\n',
      );
      writeFileSync(
        path.join(dir, 'post.md'),
        [
          '---',
          'title: OOM loop',
          'date: 2024-01-01',
          'timezone: UTC',
          'sources:',
          '  - { path: pods.ndjson, format: ndjson }',
          '---',
          '',
          '## Timeline',
          '',
          '- 2024-01-01 09:59:59.99999999 UTC [detected] memory alert',
          '',
        ].join('\n'),
      );
      const io = captureIO();
      expect(await main(['timeline', path.join(dir, 'post.md'), '--json'], io)).toBe(0);
      const json = JSON.parse(io.stdout) as { events: Array<{ local: string; text: string }> };
      expect(json.events.map((e) => e.local)).toEqual([
        '2024-01-01 09:59:59.99999999 UTC',
        '2024-01-01 10:00:00.999999999 UTC',
        '2024-01-01 23:59:59.9999999 UTC',
      ]);
      const table = captureIO();
      expect(await main(['timeline', path.join(dir, 'post.md'), '--format', 'table'], table)).toBe(0);
      expect(table.stdout).toContain('10:00:00.999999999');
      expect(table.stdout).not.toMatch(/10:00:01\.9|2024-01-02 00:00:00\.9|10:00:00\.9{9} UTC.*10:00:01/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('any instant with 4–9 fraction digits reads back and shows the same text (property)', () => {
    const seconds = fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2040, 0, 1) / 1000 });
    // nines are the digits that round a double up into the next second
    const digits = fc.oneof(
      fc.stringMatching(/^\d{4,9}$/),
      fc.stringMatching(/^9{5,9}[5-9]?$/).map((d) => d.slice(0, 9)),
    );
    fc.assert(
      fc.property(seconds, digits, fc.constantFrom('UTC', 'Asia/Kathmandu', 'America/St_Johns'), (s, frac, zone) => {
        const wall = formatLocal(s * 1000, zone).replace(/ \S+$/, '');
        const withSeconds = /:\d{2}:\d{2}$/.test(wall) ? wall : `${wall}:00`;
        const written = `${withSeconds}.${frac}`;
        const r = parseTimestamp(`${written} event`, { zone });
        expect(r.ok && r.at !== null).toBe(true);
        if (!r.ok || r.at === null) return;
        const shown = formatLocal(r.at, zone, `.${frac}`);
        expect(shown.startsWith(`${written} `), `${written} → ${shown}`).toBe(true);
        if (zone === 'UTC') expect(formatUtc(r.at, `.${frac}`)).toBe(shown);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });
});
