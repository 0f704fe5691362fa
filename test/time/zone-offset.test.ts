import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { luxonZone, zoneOffset } from '../../src/time/zones.js';

const ZONES = [
  'America/Chicago',
  'Europe/Berlin',
  'Pacific/Chatham',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'America/St_Johns',
  'Europe/Dublin',
  'UTC',
  'UTC+5:30',
];

describe('zoneOffset (cached per UTC day)', () => {
  it('agrees with the zone database at any instant', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 2_200_000_000_000 }), (zone, ms) => {
        expect(zoneOffset(zone, ms)).toBe(luxonZone(zone).offset(ms));
      }),
      { numRuns: 3000 },
    );
  });

  it('switches at the exact second of a DST change', () => {
    const change = Date.UTC(2021, 2, 14, 8, 0, 0); // 02:00 CST → 03:00 CDT in Chicago
    expect(zoneOffset('America/Chicago', change - 1)).toBe(-360);
    expect(zoneOffset('America/Chicago', change)).toBe(-300);
    const back = Date.UTC(2023, 9, 29, 1, 0, 0); // 03:00 CEST → 02:00 CET in Berlin
    expect(zoneOffset('Europe/Berlin', back - 1)).toBe(120);
    expect(zoneOffset('Europe/Berlin', back)).toBe(60);
  });
});
