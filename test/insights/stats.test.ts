/** The definitions the README gives for median, p90, months and quarters. */
import { describe, expect, it } from 'vitest';
import { monthRange, quarterOf, quarterRange } from '../../src/insights/periods.js';
import { spread } from '../../src/insights/stats.js';
import { rootCauses } from '../../src/insights/summary-fields.js';
import { resolveToday } from '../../src/insights/today.js';

describe('median and p90', () => {
  it('median is the middle value or the mean of the two middle ones; p90 the nearest rank', () => {
    expect(spread([300, 60, null, 120])).toEqual({ n: 3, missing: 1, median_s: 120, p90_s: 300 });
    expect(spread([10, 20, 30, 40])).toMatchObject({ median_s: 25, p90_s: 40 });
    // ten values: p90 is the 9th smallest; eleven: ceil(9.9) = the 10th
    expect(spread([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).p90_s).toBe(9);
    expect(spread([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).p90_s).toBe(10);
  });

  it('nothing known is null, never zero', () => {
    expect(spread([null, null])).toEqual({ n: 0, missing: 2, median_s: null, p90_s: null });
    expect(spread([])).toEqual({ n: 0, missing: 0, median_s: null, p90_s: null });
  });
});

describe('periods', () => {
  it('months and quarters run without gaps across years', () => {
    expect(monthRange('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(quarterRange('2023-Q4', '2024-Q2')).toEqual(['2023-Q4', '2024-Q1', '2024-Q2']);
    expect(['2024-01-01', '2024-03-31', '2024-04-01', '2024-12-31'].map(quarterOf)).toEqual(['2024-Q1', '2024-Q1', '2024-Q2', '2024-Q4']);
  });
});

describe('root causes', () => {
  it('are a list or a comma-separated string, slugged like tags, first spelling kept', () => {
    expect(rootCauses({ root_cause: ['DNS provider', 'dns-provider', 'Expired certificate', { x: 1 }] })).toEqual([
      { slug: 'dns-provider', name: 'DNS provider' },
      { slug: 'expired-certificate', name: 'Expired certificate' },
    ]);
    expect(rootCauses({ root_cause: 'bad deploy, capacity' }).map((r) => r.slug)).toEqual(['bad-deploy', 'capacity']);
    expect(rootCauses({})).toEqual([]);
  });
});

describe('the day overdue is judged on', () => {
  it('is --today, else SOURCE_DATE_EPOCH as a UTC day, else none', () => {
    expect(resolveToday('2025-03-01', '0')).toEqual({ ok: true, today: '2025-03-01' });
    expect(resolveToday(undefined, '1735689599')).toEqual({ ok: true, today: '2024-12-31' });
    expect(resolveToday(undefined, '1735689600')).toEqual({ ok: true, today: '2025-01-01' });
    expect(resolveToday(undefined, undefined)).toEqual({ ok: true, today: null });
    expect(resolveToday('2025-13-01', undefined)).toMatchObject({ ok: false, message: expect.stringContaining('--today must be a day') });
    expect(resolveToday(undefined, 'yesterday')).toMatchObject({ ok: false, message: expect.stringContaining('SOURCE_DATE_EPOCH') });
  });
});

describe('chart scales and trend words', () => {
  it('count axes step by whole incidents; durations may step by halves', async () => {
    const { niceTicks } = await import('../../src/insights/svg/scale.js');
    expect(niceTicks(2, 4, true)).toEqual([0, 1, 2]);
    expect(niceTicks(2)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(niceTicks(23, 4, true)).toEqual([0, 10, 20, 30]);
  });

  it('the trend says how much faster or slower, as a ratio when it more than doubled', async () => {
    const { trendText } = await import('../../src/insights/insights-view.js');
    const base = { period: '2025-Q1', previous_period: '2024-Q4' };
    expect(trendText({ ...base, median_s: 1800, previous_median_s: 3600, change_pct: -50, direction: 'faster' })).toBe(
      'median 30m in 2025-Q1, 50% faster than 2024-Q4 (1h)',
    );
    expect(trendText({ ...base, median_s: 36000, previous_median_s: 600, change_pct: 5900, direction: 'slower' })).toBe(
      'median 10h in 2025-Q1, 60× slower than 2024-Q4 (10m)',
    );
    expect(trendText({ ...base, median_s: 60, previous_median_s: 60, change_pct: 0, direction: 'same' })).toBe(
      'median 1m in 2025-Q1, unchanged from 2024-Q4 (1m)',
    );
    expect(trendText(null)).toBeNull();
  });
});
