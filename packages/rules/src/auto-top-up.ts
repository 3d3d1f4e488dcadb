import { crossAlert } from './alert-crossing';
import type { Thousandths } from './amounts';

/** R27: what an admin set: top up by `credits` when the spendable balance falls below `threshold`, at most `monthlyCap` a month. */
export interface AutoTopUpSettings {
  threshold: Thousandths;
  credits: Thousandths;
  monthlyCap: Thousandths;
}

/** What the top-up decision reads after a change, under the workspace's row lock. */
export interface AutoTopUpReading {
  /** The spendable balance the change left (R1: run reservations already out of it). */
  spendable: Thousandths;
  /** What auto top-ups have added in the cap's month so far. */
  toppedUpThisMonth: Thousandths;
  /** What the workspace may still hold (`purchasable` of what it holds): a top-up is bounded like a purchase. */
  room: Thousandths;
}

/** Why a top-up due was not made: the month's cap, or the most a workspace may hold. */
export type AutoTopUpCapReason = 'monthly_cap' | 'holding_limit';

/** What to do on a reading, and whether the top-up is armed afterwards. */
export type AutoTopUpStep =
  | { action: 'none'; armed: boolean }
  | { action: 'top_up'; armed: boolean }
  | { action: 'capped'; reason: AutoTopUpCapReason; armed: false };

/** True when the spendable balance is below the threshold: a balance exactly at it needs no top-up. */
export function belowTopUpThreshold(spendable: Thousandths, threshold: Thousandths): boolean {
  return spendable < threshold;
}

/**
 * R27, the crossing: the same rule as an alert's (`crossAlert`, R25). An armed top-up whose balance falls below the
 * threshold acts once, then is disarmed until the balance is back at or above it. It acts by topping up `credits`,
 * unless that would take the month's top-ups past `monthlyCap` (or the workspace past what it may hold): then it is
 * `capped`, nothing is added, and it still counts as this crossing's one act. A top-up that brings the balance back
 * to the threshold re-arms at once, so the next fall below is a new crossing; one that leaves it below does not, so a
 * balance that stays below is topped up once. A group of charges, decided once at its end, only lowers the balance,
 * so it crosses at most once and acts at most once: the ledger shows the group's charges, then the one top-up.
 */
export function crossTopUpThreshold(
  armed: boolean,
  settings: AutoTopUpSettings,
  reading: AutoTopUpReading,
): AutoTopUpStep {
  const step = crossAlert(armed, belowTopUpThreshold(reading.spendable, settings.threshold));
  if (!step.fire) return { action: 'none', armed: step.armed };
  if (reading.toppedUpThisMonth + settings.credits > settings.monthlyCap) {
    return { action: 'capped', reason: 'monthly_cap', armed: false };
  }
  if (settings.credits > reading.room) return { action: 'capped', reason: 'holding_limit', armed: false };
  const after = reading.spendable + settings.credits;
  return { action: 'top_up', armed: !belowTopUpThreshold(after, settings.threshold) };
}

/**
 * The month a monthly cap counts in: the UTC calendar month holding `now`, from its first instant to the next
 * month's. A calendar month rather than the plan's period, since an annual plan's period is a year and a trial's
 * 14 days: the cap means the same on every plan.
 */
export function topUpCapMonth(now: Date): { start: Date; end: Date } {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  return { start: new Date(Date.UTC(year, month, 1)), end: new Date(Date.UTC(year, month + 1, 1)) };
}
