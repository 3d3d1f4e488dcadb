import type { UsagePeriod } from '../../messages/credit-messages';

/** The periods the usage view offers, in the order its control lists them. */
export const usagePeriods: readonly UsagePeriod[] = ['last7', 'last30', 'last90', 'thisMonth', 'lastMonth'];

const dayMs = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * The first and last day (`YYYY-MM-DD`, UTC, as the API counts days) of a period ending today: the last 7, 30 or
 * 90 days with today, this month so far, or the whole of last month.
 */
export function periodDates(period: UsagePeriod, now: Date): { from: string; to: string } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const lastDays = { last7: 7, last30: 30, last90: 90 } as const;
  if (period === 'thisMonth')
    return { from: isoDay(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)), to: isoDay(today) };
  if (period === 'lastMonth') {
    const firstOfThisMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    return {
      from: isoDay(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)),
      to: isoDay(firstOfThisMonth - dayMs),
    };
  }
  return { from: isoDay(today - (lastDays[period] - 1) * dayMs), to: isoDay(today) };
}
