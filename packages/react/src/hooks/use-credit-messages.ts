import { useMemo } from 'react';
import type { CreditMessages } from '../messages/credit-messages';
import { defaultCreditMessages } from '../messages/default-messages';
import { mergeMessages } from '../messages/merge-messages';
import { useCreditContext } from '../provider/credit-context';

/**
 * Every string of the kit, in the provider's language with its `overrides`, English where it gives none: for
 * hosts that build their own markup. It brings every widget's English words into the page; the widgets
 * themselves take only their own.
 */
export function useCreditMessages(): CreditMessages {
  const { messages } = useCreditContext();
  return useMemo(() => mergeMessages(defaultCreditMessages, messages), [messages]);
}
