import type { CreditClient } from '@creditkit/sdk';
import { useCreditContext } from '../provider/credit-context';

/** The provider's SDK client, for calls the hooks do not make (charges, purchases, run budgets). */
export function useCreditClient(): CreditClient {
  return useCreditContext().client;
}
