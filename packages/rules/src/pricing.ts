import type { Thousandths } from './amounts';

export interface ModelRates {
  /** Thousandths of a credit per 1,000 prompt tokens. */
  input: Thousandths;
  /** Thousandths of a credit per 1,000 output tokens. */
  output: Thousandths;
}

/**
 * R9: an AI row costs its prompt and output tokens at the model's rates per 1,000 tokens, rounded up to
 * the next thousandth so a row is never charged less than it used. Token counts are whole numbers.
 * Throws a RangeError when the cost is too large to compute exactly (no count the API carries gets there).
 */
export function priceTokens(rates: ModelRates, inputTokens: number, outputTokens: number): Thousandths {
  // Tokens × thousandths of a credit per 1,000 tokens = millionths of a credit, exact below 2^53.
  const millionths = inputTokens * rates.input + outputTokens * rates.output;
  if (!Number.isSafeInteger(millionths)) throw new RangeError('The cost is too large to compute exactly.');
  const rest = millionths % 1000;
  return (millionths - rest) / 1000 + (rest > 0 ? 1 : 0);
}

/**
 * R9: a run is charged row by row, so `rows` rows cost `rows` times one row (each row already rounded up),
 * never the rounded cost of all their tokens together. Throws a RangeError when the total is too large to
 * compute exactly.
 */
export function runCost(perRow: Thousandths, rows: number): Thousandths {
  const total = perRow * rows;
  if (!Number.isSafeInteger(total)) throw new RangeError('The cost is too large to compute exactly.');
  return total;
}
