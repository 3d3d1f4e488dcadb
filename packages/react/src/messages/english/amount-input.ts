import type { CreditMessages } from '../credit-messages';

/** The English reasons typed text is not an amount. */
export const englishAmountInput: CreditMessages['amountInput'] = {
  empty: 'Enter an amount of credits.',
  not_a_number: 'Enter a number of credits.',
  negative: 'Credits cannot be negative.',
  too_many_decimals: 'Use at most 3 decimals.',
  too_large: 'That is more credits than can be set.',
};
