import type { Thousandths } from './amounts';
import type { PlanRule, RenewingPlan } from './plans';
import { periodEnd } from './plans';
import type { GrantState } from './types';

export interface RenewalInput {
  now: Date;
  /** The plan of the period that ends. */
  plan: PlanRule;
  /** The plan of the next period: a scheduled change (R6), what a trial becomes (R5), or the same plan. */
  nextPlan: PlanRule;
  /** The end of the period that ends, which is the start of the next. */
  periodEnd: Date;
  /** Every grant of the workspace with something left. */
  grants: readonly GrantState[];
  /** How long the new allowance takes to become spendable (R7). */
  delayMs: number;
}

export interface RenewalPlan {
  /** Plan and rollover credits that do not roll over (written as `forfeited` rows). */
  forfeits: { grantId: string; amount: Thousandths }[];
  /** Plan and rollover credits that roll over: they leave their old grant (`expired` rows) for the new rollover grant. */
  carried: { grantId: string; amount: Thousandths }[];
  rollover: Thousandths;
  allowance: { amount: Thousandths; effectiveAt: Date };
  nextPeriodStart: Date;
  nextPeriodEnd: Date;
}

function ruleAllows(rulePlan: RenewingPlan, tierKept: boolean, unused: Thousandths): Thousandths {
  const { policy, value } = rulePlan.rollover;
  if (policy === 'balance_cap') return Math.max(0, Math.floor((value - 1) * rulePlan.credits));
  if (policy === 'unused_percent') return tierKept ? Math.floor((value * unused) / 100) : 0;
  if (policy === 'fixed_max') return Math.round(value * 1000);
  // A policy these rules do not know keeps nothing: never promise more than a renewal would keep.
  return 0;
}

/**
 * The most plan + rollover credits that may carry into the next period. Both rules hold: the ending
 * plan's (a trial rolls at most 100, R5; an annual plan rolls nothing onto a lower tier, R4) and the next
 * plan's, since the balance is reduced to the new plan's rollover limit (R3, R6):
 * - `balance_cap` (monthly, R3): keep at most (value − 1) × the new allowance, so plan + rollover ≤
 *   value × allowance after the renewal;
 * - `unused_percent` (annual, R4): keep value % of unused, rounded down to a thousandth, only when the tier
 *   stays or rises; nothing on a lower tier;
 * - `fixed_max` (trial and free, R5): keep at most `value` credits.
 */
export function rolloverAllowed(plan: RenewingPlan, nextPlan: RenewingPlan, unused: Thousandths): Thousandths {
  const tierKept = nextPlan.tier >= plan.tier;
  return Math.min(ruleAllows(plan, tierKept, unused), ruleAllows(nextPlan, tierKept, unused));
}

/**
 * What of `unused` plan and rollover credits rolls into the next period; the rest is forfeited.
 * "Unused" is everything left of plan and rollover credits, for every policy: the seeds speak of "unused
 * credits" without excluding earlier rollover, and R6 reduces the whole non-purchased balance.
 */
export function rolloverKept(plan: RenewingPlan, nextPlan: RenewingPlan, unused: Thousandths): Thousandths {
  return Math.max(0, Math.min(unused, rolloverAllowed(plan, nextPlan, unused)));
}

/**
 * A period-end renewal. "Unused" is what is left of plan and rollover grants; purchases and granted credits
 * are outside every cap and untouched (R3, R17; granted credits keep their own expiry, R28). What rolls over is taken from the grants that would have expired
 * last, and the rest is forfeited.
 */
export function planRenewal(input: RenewalInput): RenewalPlan {
  const { plan, nextPlan } = input;
  const expiring = input.grants
    .filter((grant) => (grant.source === 'plan' || grant.source === 'rollover') && grant.remaining > 0)
    .sort((a, b) => (b.expiresAt?.getTime() ?? 0) - (a.expiresAt?.getTime() ?? 0) || (a.id < b.id ? -1 : 1));
  const unused = expiring.reduce((sum, grant) => sum + grant.remaining, 0);
  const rollover = rolloverKept(plan, nextPlan, unused);

  const forfeits: RenewalPlan['forfeits'] = [];
  const carried: RenewalPlan['carried'] = [];
  let toCarry = rollover;
  for (const grant of expiring) {
    const carry = Math.min(toCarry, grant.remaining);
    toCarry -= carry;
    if (carry > 0) carried.push({ grantId: grant.id, amount: carry });
    if (grant.remaining > carry) forfeits.push({ grantId: grant.id, amount: grant.remaining - carry });
  }
  const nextPeriodStart = input.periodEnd;
  return {
    forfeits,
    carried,
    rollover,
    allowance: { amount: nextPlan.credits, effectiveAt: new Date(input.now.getTime() + input.delayMs) },
    nextPeriodStart,
    nextPeriodEnd: periodEnd(nextPlan, nextPeriodStart),
  };
}
