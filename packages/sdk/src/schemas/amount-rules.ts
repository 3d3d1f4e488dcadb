// Kept free of zod so the pure helpers can share the rules without pulling the parser in.

/** The largest amount the API carries: a billion credits, so thousandths stay exact integers. */
export const MAX_CREDITS = 1_000_000_000;

/**
 * True when `value` is a finite number with at most 3 decimals, i.e. a whole number of thousandths.
 * Dividing the rounded thousandths back gives the very same double only when no fourth decimal exists.
 */
export function hasAtMostThreeDecimals(value: number): boolean {
  return Number.isFinite(value) && Math.round(value * 1000) / 1000 === value;
}
