import { MAX_CREDITS } from './amount-limits';

/**
 * Credits inside the rules are integer thousandths, so sums and comparisons are exact.
 * The API carries plain numbers with at most 3 decimals; these are the only two crossings.
 */
export type Thousandths = number;

/** Credits with at most 3 decimals to thousandths; check them with `hasAtMostThreeDecimals` first. */
export function toThousandths(credits: number): Thousandths {
  return Math.round(credits * 1000);
}

/** Thousandths back to credits, as the API carries them. */
export function toCredits(thousandths: Thousandths): number {
  return thousandths / 1000;
}

/**
 * True when `value` is a finite number with at most 3 decimals, i.e. a whole number of thousandths.
 * Dividing the rounded thousandths back gives the very same double only when no fourth decimal exists.
 */
export function hasAtMostThreeDecimals(value: number): boolean {
  return Number.isFinite(value) && Math.round(value * 1000) / 1000 === value;
}

/** The largest single amount the API carries (a purchase, an estimate's total), in thousandths. */
export const maxAmount: Thousandths = toThousandths(MAX_CREDITS);
