import type { Thousandths } from './amounts';

/**
 * R25: what an alert watches, read at one moment. The balance alert watches the spendable balance (and the plan
 * allowance its percentage is of); a spend alert watches what a workbook, an enrichment or a run has spent
 * against its limit or budget, `limit` null while none is set or enforced.
 */
export type AlertReading =
  | { kind: 'balance'; spendable: Thousandths; allowance: Thousandths }
  | { kind: 'spend'; spent: Thousandths; limit: Thousandths | null };

/** An alert's threshold: credits left (balance only), or a whole percentage from 1 to 100. */
export type AlertThreshold = { unit: 'credits'; value: Thousandths } | { unit: 'percent'; value: number };

/**
 * True when the reading is past the threshold: the balance is at or below it (credits, or that percentage of the
 * allowance), or the spend has used at least that percentage of its limit. Compared in BigInt, since a total
 * times 100 may pass what a double holds exactly. A scope without a limit is never past a percentage of it.
 */
export function alertReached(reading: AlertReading, threshold: AlertThreshold): boolean {
  if (reading.kind === 'balance') {
    if (threshold.unit === 'credits') return reading.spendable <= threshold.value;
    return BigInt(reading.spendable) * 100n <= BigInt(threshold.value) * BigInt(reading.allowance);
  }
  if (reading.limit === null || threshold.unit !== 'percent') return false;
  return BigInt(reading.spent) * 100n >= BigInt(threshold.value) * BigInt(reading.limit);
}

/** What an alert does on a new reading: whether it fires now, and whether it is armed afterwards. */
export interface AlertStep {
  fire: boolean;
  armed: boolean;
}

/**
 * R25, the crossing: an armed alert fires when the value goes past its threshold and is then disarmed, so it
 * fires once however long the value stays there; it re-arms only when the value comes back (a refund, a purchase,
 * a renewal, a raised limit). Since only crossings count, readings taken after a batch of changes that all move
 * the value the same way (a group of charges) decide exactly what reading after each change would.
 */
export function crossAlert(armed: boolean, reached: boolean): AlertStep {
  if (reached) return { fire: armed, armed: false };
  return { fire: false, armed: true };
}
