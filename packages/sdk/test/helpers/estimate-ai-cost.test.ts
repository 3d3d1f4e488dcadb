import { describe, expect, it } from 'vitest';
import { estimateAiCost } from '../../src/helpers/estimate-ai-cost';

const rates = { inputCreditsPer1kTokens: 0.2, outputCreditsPer1kTokens: 0.6 };

describe('estimateAiCost', () => {
  it('R9: prices prompt and output tokens apart, per row and per run', () => {
    expect(estimateAiCost(rates, { inputTokens: 800, outputTokens: 200 })).toEqual({ perRow: 0.28, total: 0.28 });
    expect(estimateAiCost(rates, { inputTokens: 800, outputTokens: 200 }, 1000)).toEqual({ perRow: 0.28, total: 280 });
  });

  it('rounds a row up to the next thousandth so a quote never undercharges', () => {
    // 1 token × 0.2 credits per 1,000 = 0.0002 credits.
    expect(estimateAiCost(rates, { inputTokens: 1, outputTokens: 0 }, 1000)).toEqual({ perRow: 0.001, total: 1 });
    // 0.2 + 0.0006 = 0.2006 credits.
    expect(estimateAiCost(rates, { inputTokens: 1000, outputTokens: 1 })).toEqual({ perRow: 0.201, total: 0.201 });
  });

  it('costs nothing without tokens or rows', () => {
    expect(estimateAiCost(rates, { inputTokens: 0, outputTokens: 0 }, 50)).toEqual({ perRow: 0, total: 0 });
    expect(estimateAiCost(rates, { inputTokens: 800, outputTokens: 200 }, 0)).toEqual({ perRow: 0.28, total: 0 });
  });

  it('refuses counts and rates the API could never carry', () => {
    const tokens = { inputTokens: 800, outputTokens: 200 };
    expect(() => estimateAiCost(rates, { inputTokens: -1, outputTokens: 0 })).toThrow(RangeError);
    expect(() => estimateAiCost(rates, { inputTokens: 1.5, outputTokens: 0 })).toThrow(/inputTokens/);
    expect(() => estimateAiCost(rates, { inputTokens: 0, outputTokens: Number.NaN })).toThrow(/outputTokens/);
    expect(() => estimateAiCost(rates, tokens, -1)).toThrow(/rows/);
    expect(() => estimateAiCost(rates, tokens, 2.5)).toThrow(/rows/);
    expect(() => estimateAiCost({ ...rates, inputCreditsPer1kTokens: -0.2 }, tokens)).toThrow(
      /inputCreditsPer1kTokens/,
    );
    expect(() => estimateAiCost({ ...rates, outputCreditsPer1kTokens: Infinity }, tokens)).toThrow(RangeError);
    expect(() => estimateAiCost({ ...rates, outputCreditsPer1kTokens: Number.NaN }, tokens)).toThrow(RangeError);
    expect(() => estimateAiCost({ ...rates, outputCreditsPer1kTokens: 0.0001 }, tokens)).toThrow(RangeError);
    expect(() => estimateAiCost(rates, { inputTokens: Number.MAX_SAFE_INTEGER, outputTokens: 0 })).toThrow(/too large/);
  });
});
