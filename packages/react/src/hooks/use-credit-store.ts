import { useCreditContext } from '../provider/credit-context';
import type { CreditStore } from '../store/credit-store';

/**
 * The provider's query cache, to invalidate what a change made outside the hooks affects: after
 * setting an own API key, `store.invalidate(creditQueryKeys.actionCosts)`.
 */
export function useCreditStore(): CreditStore {
  return useCreditContext().store;
}
