import type { CreditMessages } from '../messages/credit-messages';
import { useCreditContext } from '../provider/credit-context';

/** Every string of the kit, defaults merged with the provider's `overrides`: widgets never hard-code text. */
export function useCreditMessages(): CreditMessages {
  return useCreditContext().messages;
}
