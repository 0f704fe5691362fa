import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAR_FROM_T0_DAYS, farFromT0, yearNearest } from '../../src/time/log-year.js';

const DAY = 86_400_000;

describe('yearNearest', () => {
  it('New Year: Dec 28 near 2018-01-03 is 2017, Jan 2 near 2017-12-30 is 2018', () => {
    expect(yearNearest(12, 28, Date.UTC(2018, 0, 3))).toBe(2017);
    expect(yearNearest(1, 2, Date.UTC(2017, 11, 30))).toBe(2018);
    expect(yearNearest(6, 1, Date.UTC(2018, 0, 3))).toBe(2018);
  });

  it('property: the year chosen puts the date within half a year of T0, and no other year is nearer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 0, 1) }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (near, month, day) => {
          const y = yearNearest(month, day, near);
          const d = Math.abs(Date.UTC(y, month - 1, day) - near);
          return d <= 184 * DAY && [y - 1, y + 1].every((o) => Math.abs(Date.UTC(o, month - 1, day) - near) >= d);
        },
      ),
    );
  });

  it('warns only from 150 days on', () => {
    const t0 = Date.UTC(2017, 11, 28);
    expect(farFromT0('Jun 1 00:00:00', t0 + (FAR_FROM_T0_DAYS - 1) * DAY, t0)).toBeNull();
    expect(farFromT0('Jun 1 00:00:00', t0 + FAR_FROM_T0_DAYS * DAY, t0)).toMatch(/150 days from T0 \(2017-12-28\)/);
  });
});
