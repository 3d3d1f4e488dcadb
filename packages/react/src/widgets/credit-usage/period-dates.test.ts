import { describe, expect, it } from 'vitest';
import { periodDates, usagePeriods } from './period-dates';

describe('periodDates', () => {
  const now = new Date('2026-03-10T23:30:00Z');

  it('counts the last N days with today, in UTC days', () => {
    expect(periodDates('last7', now)).toEqual({ from: '2026-03-04', to: '2026-03-10' });
    expect(periodDates('last30', now)).toEqual({ from: '2026-02-09', to: '2026-03-10' });
    expect(periodDates('last90', now)).toEqual({ from: '2025-12-11', to: '2026-03-10' });
  });

  it('takes this month so far and the whole of last month, across a year end', () => {
    expect(periodDates('thisMonth', now)).toEqual({ from: '2026-03-01', to: '2026-03-10' });
    expect(periodDates('lastMonth', now)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodDates('lastMonth', new Date('2026-01-05T00:00:00Z'))).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
  });

  it('never asks the API for more than 92 days', () => {
    for (const period of usagePeriods) {
      const { from, to } = periodDates(period, now);
      expect((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1).toBeLessThanOrEqual(92);
    }
  });
});
