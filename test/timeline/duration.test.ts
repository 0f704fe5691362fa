import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatDelta, formatOffset, parseOffset } from '../../src/timeline/duration.js';

describe('formatOffset / formatDelta', () => {
  it.each([
    [0, 'T+0', 'T+0'],
    [-265500, 'T-3d1h45m', 'T-3 days 1 hour 45 minutes'],
    [19200, 'T+5h20m', 'T+5 hours 20 minutes'],
    [-259200, 'T-3d', 'T-3 days'],
    [61, 'T+1m1s', 'T+1 minute 1 second'],
    [90061, 'T+1d1h1m1s', 'T+1 day 1 hour 1 minute 1 second'],
    [1.5, 'T+1.5s', 'T+1.5 seconds'],
  ])('%d → %s / %s', (s, compact, long) => {
    expect(formatOffset(s)).toBe(compact);
    expect(formatOffset(s, 'long')).toBe(long);
  });
  it('deltas', () => {
    expect(formatDelta(6000)).toBe('+1h40m');
    expect(formatDelta(-300)).toBe('-5m');
    expect(formatDelta(0)).toBe('+0');
    expect(formatDelta(6000, 'long')).toBe('+1 hour 40 minutes');
  });
});

describe('parseOffset', () => {
  it.each([
    ['T-3days', -259200, 86400],
    ['T+5hours20minutes', 19200, 60],
    ['T+11hours40minutes', 42000, 60],
    ['T-2.5days', -216000, 86400],
    ['T+7hours', 25200, 3600],
    ['+1h40m', 6000, 60],
    ['T-0', 0, 60],
    ['T+0', 0, 60],
    ['T+1 hour 40 min', 6000, 60],
    ['T−3d1h45m', -265500, 60],
    ['T+90s', 90, 1],
    ['+1w', 604800, 604800],
  ])('%s', (t, seconds, precision) => {
    expect(parseOffset(t)).toEqual({ seconds, precision });
  });
  it.each(['T+', 'hello', 'T+5', 'T+5 parsecs', 'T+5m3h', '5h'])('rejects %s', (t) => {
    expect(parseOffset(t)).toBeNull();
  });
  it('compact offsets parse back to the same seconds (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10 * 365 * 86400, max: 10 * 365 * 86400 }), fc.integer({ min: 0, max: 999 }), (s, ms) => {
        const seconds = (s * 1000 + (s < 0 ? -ms : ms)) / 1000;
        expect(parseOffset(formatOffset(seconds))?.seconds).toBe(seconds);
        expect(parseOffset(formatDelta(seconds))?.seconds).toBe(seconds);
      }),
      { numRuns: 2000 },
    );
  });
});
