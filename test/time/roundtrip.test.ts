import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { parseTimestamp } from '../../src/time/parse-timestamp.js';
import { formatLocal, isoMs, isoToMs } from '../../src/time/format.js';
import { luxonZone } from '../../src/time/zones.js';

const ZONES = [
  'UTC',
  'America/Chicago',
  'America/New_York',
  'Europe/Berlin',
  'Europe/London',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Sydney',
  'Pacific/Chatham',
  'America/St_Johns',
  'UTC+5:30',
  'UTC-3',
];
const instant = fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2040, 0, 1) / 1000 }).map((s) => s * 1000);

describe('parseTimestamp round trips (properties)', () => {
  it('ISO 8601 with offset, in any zone, reads back to the same instant', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), fc.constantFrom(...ZONES), (ms, writtenIn, fileZone) => {
        const text = DateTime.fromMillis(ms, { zone: luxonZone(writtenIn) }).toISO({ suppressMilliseconds: true });
        const r = parseTimestamp(`${text} event`, { zone: fileZone });
        expect(r.ok && r.at).toBe(ms);
        expect(r.ok && r.rest).toBe('event');
      }),
      { numRuns: 500 },
    );
  });
  it('the local time pm shows (with its zone label) reads back to the same instant', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (ms, zone) => {
        const shown = formatLocal(ms, zone);
        const r = parseTimestamp(shown, { zone });
        expect(r.ok && r.at, shown).toBe(ms);
      }),
      { numRuns: 500 },
    );
  });
  it('wall time without a zone in the file zone is the instant, except in DST gaps/overlaps', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (ms, zone) => {
        const dt = DateTime.fromMillis(ms, { zone: luxonZone(zone) });
        const r = parseTimestamp(dt.toFormat('yyyy-LL-dd HH:mm:ss'), { zone });
        if (!r.ok) throw new Error(r.reason);
        if (r.notes.length === 0) expect(r.at).toBe(ms);
        else expect(Math.abs(r.at! - ms)).toBeLessThanOrEqual(3600_000);
      }),
      { numRuns: 500 },
    );
  });
});

describe('isoToMs', () => {
  it('reads back every published instant, and nothing else, without Date.parse', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4102444800000 }), (ms) => isoToMs(isoMs(ms)) === ms));
    expect(isoToMs('2020-09-02T08:25:00.5Z')).toBe(Date.UTC(2020, 8, 2, 8, 25, 0, 500));
    expect(isoToMs('2020-09-02 08:25')).toBeNaN();
    expect(isoToMs('2020-09-02T08:25:00+02:00')).toBeNaN();
  });
});
