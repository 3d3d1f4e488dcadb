import type { CreditMessages } from '../credit-messages';

/** The alert notice's English words. */
export const englishAlertNotice: CreditMessages['alertNotice'] = {
  title: 'Credit alert',
  balanceNow: (spendable) => `${spendable} left.`,
  spendNow: (spent, limit) => `${spent} of ${limit} spent.`,
  dismiss: 'Dismiss',
};
