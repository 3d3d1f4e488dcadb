import type { Debit, GrantSource, GrantState, PlanRule, RenewalPlan, Thousandths } from '@creditkit/rules';
import { applyDebits } from '@creditkit/rules';

/** Credits to thousandths without a float round trip in the test data. */
export function credits(amount: number): Thousandths {
  return Math.round(amount * 1000);
}

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

export function at(iso: string): Date {
  return new Date(iso);
}

export function grant(
  id: string,
  source: GrantSource,
  remaining: Thousandths,
  dates: { effectiveAt: Date; expiresAt: Date | null; createdAt?: Date; priority?: number },
): GrantState {
  return {
    id,
    source,
    remaining,
    effectiveAt: dates.effectiveAt,
    expiresAt: dates.expiresAt,
    priority: dates.priority ?? 0,
    createdAt: dates.createdAt ?? dates.effectiveAt,
  };
}

/** What the store does with a refund (R15): each grant gets back what it lost. */
export function applyCredits(grants: readonly GrantState[], back: readonly Debit[]): GrantState[] {
  return grants.map((g) => {
    const given = back.filter((credit) => credit.grantId === g.id).reduce((sum, credit) => sum + credit.amount, 0);
    return given === 0 ? g : { ...g, remaining: g.remaining + given };
  });
}

/**
 * What the store does with a renewal plan: forfeited and carried credits leave their old grants, the carried
 * amount becomes one rollover grant expiring at the next period end, and the allowance a new plan grant.
 */
export function applyRenewal(grants: readonly GrantState[], plan: RenewalPlan, suffix: string): GrantState[] {
  const leaving = [...plan.forfeits, ...plan.carried];
  const next = applyDebits(grants, leaving).filter((g) => g.remaining > 0);
  if (plan.rollover > 0) {
    next.push({
      id: `rollover-${suffix}`,
      source: 'rollover',
      remaining: plan.rollover,
      effectiveAt: plan.nextPeriodStart,
      expiresAt: plan.nextPeriodEnd,
      priority: 0,
      createdAt: plan.nextPeriodStart,
    });
  }
  next.push({
    id: `plan-${suffix}`,
    source: 'plan',
    remaining: plan.allowance.amount,
    effectiveAt: plan.allowance.effectiveAt,
    expiresAt: plan.nextPeriodEnd,
    priority: 0,
    createdAt: plan.nextPeriodStart,
  });
  return next;
}

export function sumOf(rows: readonly { amount: Thousandths }[]): Thousandths {
  return rows.reduce((sum, row) => sum + row.amount, 0);
}

export function planAndRollover(grants: readonly GrantState[]): Thousandths {
  return grants.filter((g) => g.source === 'plan' || g.source === 'rollover').reduce((sum, g) => sum + g.remaining, 0);
}

function monthly(id: string, perMonth: number, tier: number): PlanRule {
  return {
    id,
    interval: 'month',
    periodDays: null,
    credits: credits(perMonth),
    tier,
    rollover: { policy: 'balance_cap', value: 2 },
    thenPlanId: null,
  };
}

function annual(id: string, perYear: number, tier: number): PlanRule {
  return {
    id,
    interval: 'year',
    periodDays: null,
    credits: credits(perYear),
    tier,
    rollover: { policy: 'unused_percent', value: 15 },
    thenPlanId: null,
  };
}

/** The plans of RULES.md, as the rules read them. */
export const plans = {
  free: {
    id: 'free',
    interval: 'month',
    periodDays: null,
    credits: credits(100),
    tier: 0,
    rollover: { policy: 'fixed_max', value: 100 },
    thenPlanId: null,
  },
  trial: {
    id: 'trial',
    interval: 'trial',
    periodDays: 14,
    credits: credits(1_000),
    tier: 0,
    rollover: { policy: 'fixed_max', value: 100 },
    thenPlanId: 'free',
  },
  starterMonthly: monthly('starter-monthly', 2_000, 1),
  explorerMonthly: monthly('explorer-monthly', 10_000, 2),
  proMonthly: monthly('pro-monthly', 50_000, 3),
  starterAnnual: annual('starter-annual', 24_000, 1),
  explorerAnnual: annual('explorer-annual', 120_000, 2),
  proAnnual: annual('pro-annual', 600_000, 3),
} satisfies Record<string, PlanRule>;
