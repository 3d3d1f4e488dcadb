import type { PlanRule } from '@creditkit/rules';
import { toThousandths } from '@creditkit/rules';

export interface CataloguePlan extends PlanRule {
  name: string;
}

const monthlyCap = { policy: 'balance_cap', value: 2 } as const;
const annualRollover = { policy: 'unused_percent', value: 15 } as const;
const freeRollover = { policy: 'fixed_max', value: 100 } as const;

function plan(id: string, name: string, interval: PlanRule['interval'], credits: number, tier: number): CataloguePlan {
  const rollover = interval === 'year' ? annualRollover : tier === 0 ? freeRollover : monthlyCap;
  return {
    id,
    name,
    interval,
    periodDays: interval === 'trial' ? 14 : null,
    credits: toThousandths(credits),
    tier,
    rollover,
    thenPlanId: interval === 'trial' ? 'free' : null,
  };
}

/** The plan catalogue of RULES.md; the ids are part of the API contract. */
export const plans: readonly CataloguePlan[] = [
  plan('free', 'Free', 'month', 100, 0),
  plan('trial', 'Trial (14 days)', 'trial', 1_000, 0),
  plan('starter-monthly', 'Starter (monthly)', 'month', 2_000, 1),
  plan('explorer-monthly', 'Explorer (monthly)', 'month', 10_000, 2),
  plan('pro-monthly', 'Pro (monthly)', 'month', 50_000, 3),
  plan('starter-annual', 'Starter (annual)', 'year', 24_000, 1),
  plan('explorer-annual', 'Explorer (annual)', 'year', 120_000, 2),
  plan('pro-annual', 'Pro (annual)', 'year', 600_000, 3),
];

export function findPlan(id: string): CataloguePlan | undefined {
  return plans.find((candidate) => candidate.id === id);
}
