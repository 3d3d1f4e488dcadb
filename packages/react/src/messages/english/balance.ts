import type { CreditMessages } from '../credit-messages';
import { credits } from './english-words';

/** The balance meter's English words. */
export const englishBalance: CreditMessages['balance'] = {
  title: 'Credits',
  spendable: (formatted, amount) => `${credits(formatted, amount)} available`,
  allowance: (formatted, amount) => `Plan allowance: ${credits(formatted, amount)}`,
  rolloverCap: (formatted, amount) => `Rollover capped at ${credits(formatted, amount)}`,
  pending: (formatted, amount) => `${credits(formatted, amount)} pending`,
  renewsOn: (date) => `Renews on ${date}`,
  renewalProcessing: 'Your renewal is processing: its credits may take up to 2 hours to appear.',
  renewalExpectedBy: (time) => `Expected by ${time}.`,
  sourcePlan: 'Plan',
  sourceRollover: 'Rollover',
  sourcePurchased: 'Purchased',
  sourceGranted: 'Granted',
};
