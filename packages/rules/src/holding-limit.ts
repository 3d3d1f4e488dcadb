import { maxAmount, type Thousandths } from './amounts';

/**
 * The most a workspace's grants may hold together, pending ones included: the largest amount the API
 * carries. Purchases are the only way past it that a caller chooses, so they stop there; renewals may add
 * their allowance on top, which balances report as totals.
 */
export const maxHeld: Thousandths = maxAmount;

/** R17: what a workspace holding `held` may still buy, never below 0. */
export function purchasable(held: Thousandths): Thousandths {
  return Math.max(0, maxHeld - held);
}
