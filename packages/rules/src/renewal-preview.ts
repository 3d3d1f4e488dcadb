import type { Thousandths } from './amounts';
import type { RenewingPlan } from './plans';
import { rolloverKept } from './renewal';

/** What a workspace holds now, by source, as its balance reports it. */
export interface HeldCredits {
  plan: Thousandths;
  rollover: Thousandths;
  purchased: Thousandths;
  /**
   * A renewal still processing (R7): plan and rollover credits by the time the period ends, so they count as
   * unused; without them a preview taken while a renewal processes would miss the allowance it brings.
   */
  pending: Thousandths;
}

/** What a renewal would do to the balance. */
export interface RenewalPreview {
  /** Plan and rollover credits carried into the next period, as rollover. */
  kept: Thousandths;
  /** Plan and rollover credits that expire at the renewal. */
  forfeited: Thousandths;
  /** Purchased credits: outside every cap, never expire (R3, R17). */
  purchased: Thousandths;
  /** The allowance of the plan renewed into. */
  newAllowance: Thousandths;
  /** `kept + newAllowance + purchased`. */
  balanceAfter: Thousandths;
}

/**
 * What the renewal at the end of the period will keep and forfeit, from the balance alone, with the rule the
 * renewal itself applies (`rolloverKept`, R3–R6): so a balance meter can warn before credits expire.
 * Which plan a trial becomes (R5) or a scheduled change moves to (R6) is the caller's `nextPlan`.
 */
export function previewRenewal(plan: RenewingPlan, nextPlan: RenewingPlan, held: HeldCredits): RenewalPreview {
  const unused = held.plan + held.rollover + held.pending;
  const kept = rolloverKept(plan, nextPlan, unused);
  return {
    kept,
    forfeited: unused - kept,
    purchased: held.purchased,
    newAllowance: nextPlan.credits,
    balanceAfter: kept + nextPlan.credits + held.purchased,
  };
}
