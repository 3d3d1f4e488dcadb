import { previewRenewal as previewInThousandths, type RenewingPlan, toCredits, toThousandths } from '@creditkit/rules';
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
  /** Granted credits still there after the renewal: outside every cap, until their own expiry (R28). */
  granted: number;
  /** Granted credits whose own expiry comes on or before the renewal: gone by then (R28). */
  grantedExpiring: number;
  /** The allowance of the plan renewed into. */
  newAllowance: number;
  /** `kept + newAllowance + purchased + granted`. */
  balanceAfter: number;
};

/** The plan that ends, the balance by source now, and the plan renewed into. */
export type PreviewRenewalParams = {
  /** The plan whose period ends. */
  plan: Plan;
  /** What is left in each source now (the balance's `bySource`); no granted credits when `granted` is omitted. */
  bySource: Pick<Balance['bySource'], 'plan' | 'rollover' | 'purchased'> & {
    /** Granted credits (R28); none when omitted. */
    granted?: number | undefined;
  };
  /**
   * Of `bySource.granted`, the credits whose grant expires on or before the renewal (the `remaining` of `granted`
   * grants with `expiresAt` at or before `periodEnd`, from `client.grants.list()`); 0 when omitted. Granted
   * credits are outside renewals, each keeping its own expiry (R28).
   */
  grantedExpiring?: number | undefined;
  /**
   * The balance's `pending` credits: a renewal still processing (R7). They are plan and rollover credits by the
   * time the period ends, so they count as unused; without them a preview taken while a renewal processes would
   * miss the allowance it brings.
   */
  pending?: number | undefined;
  /** The plan the renewal moves to (a scheduled change, R6); the same plan when omitted. */
  nextPlan?: Plan | undefined;
};

const renewing = ({ credits, tier, rollover }: Plan): RenewingPlan => ({
  credits: toThousandths(credits),
  tier,
  rollover,
});

/**
 * Shows before a renewal what will roll over and what will expire, so the balance meter and the plan-change
 * dialog can warn ahead of time: the rule the server renews by (`previewRenewal` of `@creditkit/rules`, R3–R7),
 * in credits. The ending plan's rule and the next plan's both hold: a monthly plan keeps at most twice its
 * allowance (R3), an annual plan 15 % of unused and nothing onto a lower tier (R4), a trial at most 100 (R5),
 * and the balance is reduced to the new plan's limit (R6); a policy this SDK does not know keeps nothing, so a
 * preview may understate what rolls, never promise too much. Which plan a trial becomes (`thenPlanId`) is the
 * caller's to pass as `nextPlan`.
 */
export function previewRenewal({
  plan,
  bySource,
  pending = 0,
  nextPlan = plan,
  grantedExpiring = 0,
}: PreviewRenewalParams): RenewalPreview {
  const preview = previewInThousandths(renewing(plan), renewing(nextPlan), {
    plan: toThousandths(bySource.plan),
    rollover: toThousandths(bySource.rollover),
    purchased: toThousandths(bySource.purchased),
    granted: toThousandths(bySource.granted ?? 0),
    grantedExpiring: toThousandths(grantedExpiring),
    pending: toThousandths(pending),
  });
  return {
    kept: toCredits(preview.kept),
    forfeited: toCredits(preview.forfeited),
    purchased: toCredits(preview.purchased),
    granted: toCredits(preview.granted),
    grantedExpiring: toCredits(preview.grantedExpiring),
    newAllowance: toCredits(preview.newAllowance),
    balanceAfter: toCredits(preview.balanceAfter),
  };
}
