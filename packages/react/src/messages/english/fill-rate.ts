import type { CreditMessages } from '../credit-messages';
import { credits, englishPlural } from './english-words';

/** The fill rate table's English words. */
export const englishFillRate: CreditMessages['fillRate'] = {
  title: 'Fill rate',
  field: 'Field',
  fillRate: 'Fill rate',
  filled: (filled, total, _, totalCount) =>
    `${filled} of ${total} ${englishPlural(totalCount, { one: 'record', other: 'records' })}`,
  creditsToFill: 'Credits to fill gaps',
  fillCost: (formatted, amount) => `≈${credits(formatted, amount)}`,
  complete: 'Complete',
  missing: 'Missing',
  total: 'Total',
  noAction: 'No action fills this field',
  empty: 'This audience has no records or fields to rate yet.',
};
