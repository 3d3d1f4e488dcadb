import type { Thousandths } from './amounts';
import type { RenewingPlan } from './plans';
import { rolloverKept } from './renewal';

/** What a workspace holds now, by source, as its balance reports it. */
export interface HeldCredits {
  plan: Thousandths;
  rollover: Thousandths;
  purchased: Thousandths;
  /** Granted credits (R28), each grant keeping its own expiry: a renewal leaves them alone. */
  granted: Thousandths;
  /** The part of `granted` whose expiry falls on or before the renewal: gone by then, though not by the renewal. */
  grantedExpiring: Thousandths;
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
  /** Granted credits still there after the renewal: outside every cap, until their own expiry (R28). */
  granted: Thousandths;
  /** Granted credits whose own expiry comes first: they are gone by the renewal (R28). */
  grantedExpiring: Thousandths;
  /** The allowance of the plan renewed into. */
  newAllowance: Thousandths;
  /** `kept + newAllowance + purchased + granted`. */
  balanceAfter: Thousandths;
}

/**
 * What the renewal at the end of the period will keep and forfeit, from the balance alone, with the rule the
 * renewal itself applies (`rolloverKept`, R3–R6): so a balance meter can warn before credits expire. Granted
 * credits (R28) are outside the renewal; those whose own expiry comes first are counted apart, as gone by then.
 * Which plan a trial becomes (R5) or a scheduled change moves to (R6) is the caller's `nextPlan`.
 */
export function previewRenewal(plan: RenewingPlan, nextPlan: RenewingPlan, held: HeldCredits): RenewalPreview {
  const unused = held.plan + held.rollover + held.pending;
  const kept = rolloverKept(plan, nextPlan, unused);
  const grantedExpiring = Math.min(held.grantedExpiring, held.granted);
  const granted = held.granted - grantedExpiring;
  return {
    kept,
    forfeited: unused - kept,
    purchased: held.purchased,
    granted,
    grantedExpiring,
    newAllowance: nextPlan.credits,
    balanceAfter: kept + nextPlan.credits + held.purchased + granted,
  };
}
