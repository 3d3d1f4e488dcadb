import { MAX_CREDITS } from '@creditkit/sdk/schemas';

/**
 * Credits inside the server are integer thousandths, so sums and comparisons are exact.
 * The API carries plain numbers with at most 3 decimals; these are the only two crossings.
 */
export type Thousandths = number;

export function toThousandths(credits: number): Thousandths {
  return Math.round(credits * 1000);
}

export function toCredits(thousandths: Thousandths): number {
  return thousandths / 1000;
}

/** The largest single amount the API carries (a purchase, an estimate's total), in thousandths. */
export const maxAmount: Thousandths = toThousandths(MAX_CREDITS);
