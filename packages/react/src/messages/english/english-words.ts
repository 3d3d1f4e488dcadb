import type { CreditAmountMessage } from '../credit-messages';
import { pluralFor } from '../plural';

/** English grammar for every English phrase (1 credit, 0 credits, 1.5 credits), whatever locale writes the number. */
export const englishPlural = pluralFor('en');

/** A bare amount of credits: "2 credits", "1 credit", "0.5 credits". */
export const credits: CreditAmountMessage = (formatted, amount) =>
  `${formatted} ${englishPlural(amount, { one: 'credit', other: 'credits' })}`;

/** "row" or "rows" for a count. */
export const rowWord = (count: number): string => englishPlural(count, { one: 'row', other: 'rows' });
