import type { Thousandths } from './amounts';

export interface ModelRates {
  /** Thousandths of a credit per 1,000 prompt tokens. */
  input: Thousandths;
  /** Thousandths of a credit per 1,000 output tokens. */
  output: Thousandths;
}

/**
 * R9: an AI row costs its prompt and output tokens at the model's rates per 1,000 tokens, rounded up to
 * the next thousandth so a row is never charged less than it used.
 */
export function priceTokens(rates: ModelRates, inputTokens: number, outputTokens: number): Thousandths {
  return Math.ceil((inputTokens * rates.input + outputTokens * rates.output) / 1000);
}
