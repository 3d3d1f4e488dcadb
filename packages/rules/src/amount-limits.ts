// The bounds every package holds amounts to: the SDK's schemas before sending, the server before storing.

/** The largest single amount the API carries: a price, a charge, a purchase, a limit, a budget, an estimate. */
export const MAX_CREDITS = 1_000_000_000;

/**
 * The largest total the API reports: a balance, what a workbook has spent, a usage sum. Totals add up
 * amounts over months and years, so they get a thousand times more room than one amount; at 10^15
 * thousandths they stay exact integers (below 2^53), and a number with 3 decimals turns back into the very
 * same thousandths (below 2^51 the error of `value × 1000` stays under half a thousandth).
 */
export const MAX_CREDIT_TOTAL = 1_000_000_000_000;

/**
 * The most tokens one row may count, prompt or output: far above any model's context window, and a bound
 * on what one row can cost, so a row's price is an amount.
 */
export const MAX_TOKENS = 10_000_000;
