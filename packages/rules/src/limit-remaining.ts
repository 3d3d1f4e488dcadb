import type { Thousandths } from './amounts';

/**
 * What a spend limit (R11, R12) or a run's budget (R9) still allows: never below 0, since an admin may lower
 * a limit under what its scope has already spent.
 */
export function limitRemaining(limit: Thousandths, spent: Thousandths): Thousandths {
  return Math.max(0, limit - spent);
}
