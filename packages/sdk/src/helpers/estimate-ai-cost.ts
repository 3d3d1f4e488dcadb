import { hasAtMostThreeDecimals, priceTokens, runCost, toCredits, toThousandths } from '@creditkit/rules';

/** A model's prices in credits per 1,000 tokens, as `AiModel` carries them. */
export type AiRates = {
  /** Credits per 1,000 prompt tokens, up to 3 decimals. */
  inputCreditsPer1kTokens: number;
  /** Credits per 1,000 output tokens, up to 3 decimals. */
  outputCreditsPer1kTokens: number;
};
/** The tokens of one row, whole numbers. */
export type AiTokens = {
  /** Prompt tokens per row. */
  inputTokens: number;
  /** Expected output tokens per row. */
  outputTokens: number;
};
/** A quote in credits, up to 3 decimals, as the server would charge it. */
export type AiCostEstimate = {
  /** Credits one row costs, rounded up to the next thousandth. */
  perRow: number;
  /** Credits the run costs: `perRow` × rows. */
  total: number;
};

function rate(value: number, name: string): number {
  if (!(value >= 0 && hasAtMostThreeDecimals(value))) {
    throw new RangeError(`${name} must be a finite credit amount, not negative, at most 3 decimals; got ${value}.`);
  }
  return toThousandths(value);
}

function count(value: number, name: string): number {
  if (!(Number.isSafeInteger(value) && value >= 0)) {
    throw new RangeError(`${name} must be a whole number, not negative; got ${value}.`);
  }
  return value;
}

/**
 * Quotes an AI action before it runs, without a round trip (the run-budget input updates on every keystroke),
 * with the rule the server charges by (R9, `priceTokens` and `runCost` of `@creditkit/rules`): prompt and
 * output tokens priced apart, each row rounded up to the next thousandth so a quote never undercharges, and a
 * run of N rows costing N such rows because it is charged row by row.
 * Throws a RangeError on counts or rates the API could never carry, or a quote too large to compute exactly.
 */
export function estimateAiCost(rates: AiRates, tokens: AiTokens, rows = 1): AiCostEstimate {
  const modelRates = {
    input: rate(rates.inputCreditsPer1kTokens, 'inputCreditsPer1kTokens'),
    output: rate(rates.outputCreditsPer1kTokens, 'outputCreditsPer1kTokens'),
  };
  const perRow = priceTokens(
    modelRates,
    count(tokens.inputTokens, 'inputTokens'),
    count(tokens.outputTokens, 'outputTokens'),
  );
  return { perRow: toCredits(perRow), total: toCredits(runCost(perRow, count(rows, 'rows'))) };
}
