import type { Balance } from '../schemas/balance';
import type { Plan } from '../schemas/plans';

/** What a renewal would do to the balance, in credits. */
export type RenewalPreview = {
  /** Plan and rollover credits carried into the next period, as rollover. */
  kept: number;
  /** Plan and rollover credits that expire at the renewal. */
  forfeited: number;
  /** Purchased credits: outside every cap, never expire (R3, R17). */
  purchased: number;
  /** The allowance of the plan renewed into. */
  newAllowance: number;
  /** `kept + newAllowance + purchased`. */
  balanceAfter: number;
};

/** The plan that ends, the balance by source now, and the plan renewed into. */
export type PreviewRenewalParams = {
  /** The plan whose period ends. */
  plan: Plan;
  /** What is left in each source now. */
  bySource: Balance['bySource'];
  /**
   * The balance's `pending` credits: a renewal still processing (R7). They are plan and rollover credits by the
   * time the period ends, so they count as unused; without them a preview taken while a renewal processes would
   * miss the allowance it brings.
   */
  pending?: number | undefined;
  /** The plan the renewal moves to (a scheduled change, R6); the same plan when omitted. */
  nextPlan?: Plan | undefined;
};

const toThousandths = (credits: number) => Math.round(credits * 1000);

function ruleAllows(rulePlan: Plan, tierKept: boolean, unused: number): number {
  const { policy, value } = rulePlan.rollover;
  if (policy === 'balance_cap') return Math.floor((value - 1) * toThousandths(rulePlan.credits));
  if (policy === 'unused_percent') return tierKept ? Math.floor((value * unused) / 100) : 0;
  if (policy === 'fixed_max') return toThousandths(value);
  return 0;
}

/** The most plan + rollover thousandths that may carry over: the ending plan's rule and the next plan's both hold. */
function rolloverLimit(plan: Plan, nextPlan: Plan, unused: number): number {
  const tierKept = nextPlan.tier >= plan.tier;
  return Math.min(ruleAllows(plan, tierKept, unused), ruleAllows(nextPlan, tierKept, unused));
}

/**
 * Shows before a renewal what will roll over and what will expire, so the balance meter and the plan-change
 * dialog can warn ahead of time. The ending plan's rule and the next plan's both hold: a trial rolls at most 100
 * (R5), an annual plan nothing onto a lower tier (R4), and the balance is reduced to the new plan's limit (R6).
 *
 * "Unused" is everything left of plan and rollover credits, for every policy: the seeds speak of "unused credits"
 * without excluding earlier rollover, and R6 reduces the whole non-purchased balance. So:
 * - `balance_cap` (monthly, R3): keep at most (value − 1) × the new allowance,
 *   so plan + rollover ≤ value × allowance after the renewal;
 * - `unused_percent` (annual, R4): keep value % of unused, rounded down to a thousandth, only when the tier
 *   stays or rises; nothing on a lower tier;
 * - `fixed_max` (trial and free, R5): keep at most `value` credits;
 * - a policy this SDK does not know keeps nothing: a preview may understate what rolls, never promise too much.
 * Which plan a trial becomes (`thenPlanId`) is the caller's to pass as `nextPlan`.
 */
export function previewRenewal({ plan, bySource, pending = 0, nextPlan = plan }: PreviewRenewalParams): RenewalPreview {
  const unused = toThousandths(bySource.plan) + toThousandths(bySource.rollover) + toThousandths(pending);
  const allowance = toThousandths(nextPlan.credits);
  const kept = Math.max(0, Math.min(unused, rolloverLimit(plan, nextPlan, unused)));
  const purchased = toThousandths(bySource.purchased);
  return {
    kept: kept / 1000,
    forfeited: (unused - kept) / 1000,
    purchased: purchased / 1000,
    newAllowance: allowance / 1000,
    balanceAfter: (kept + allowance + purchased) / 1000,
  };
}
