import type { Thousandths } from './amounts';

/**
 * How unused plan and rollover credits carry into the next period (R3–R5). A policy these rules do not know
 * keeps nothing: a preview may understate what rolls, never promise too much.
 */
export interface RolloverRule {
  policy: 'balance_cap' | 'unused_percent' | 'fixed_max' | (string & {});
  /** The cap's multiple of the allowance, the percentage of unused credits, or the most credits kept. */
  value: number;
}

/** A plan as the renewal rules need it: its allowance, its tier and its rollover rule. */
export interface RenewingPlan {
  credits: Thousandths;
  tier: number;
  rollover: RolloverRule;
}

/** How long a plan's period lasts. */
export interface PlanPeriod {
  interval: 'month' | 'year' | 'trial' | (string & {});
  /** Days per period when the interval is not a calendar month or year. */
  periodDays: number | null;
}

/** A plan as the rules need it (the catalogue of RULES.md lives in the server's catalogue/plans.ts). */
export interface PlanRule extends RenewingPlan, PlanPeriod {
  id: string;
  interval: 'month' | 'year' | 'trial';
  rollover: { policy: 'balance_cap' | 'unused_percent' | 'fixed_max'; value: number };
  thenPlanId: string | null;
}

function addMonths(start: Date, months: number): Date {
  const end = new Date(start);
  const day = start.getUTCDate();
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() + months);
  // A period from 31 January ends on the last day of February, not in March.
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(day, lastDay));
  return end;
}

/** The end of a period that starts at `start`: calendar months and years in UTC, or a number of days. */
export function periodEnd(plan: PlanPeriod, start: Date): Date {
  if (plan.interval === 'month') return addMonths(start, 1);
  if (plan.interval === 'year') return addMonths(start, 12);
  return new Date(start.getTime() + (plan.periodDays ?? 0) * 86_400_000);
}
