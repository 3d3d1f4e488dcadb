import { priceTokens, runCost } from '@creditkit/rules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { credits } from './fixtures';

// Rates are thousandths of a credit per 1,000 tokens.
const cheapModel = { input: 100, output: 400 };
const largeModel = { input: 500, output: 1_500 };

describe('R9 AI costs', () => {
  it('R9: an AI row costs its prompt and output tokens at the model rates per 1,000 tokens', () => {
    expect(priceTokens(largeModel, 1_000, 1_000)).toBe(credits(2));
    expect(priceTokens(largeModel, 2_000, 0)).toBe(credits(1));
    expect(priceTokens(largeModel, 0, 4_000)).toBe(credits(6));
    expect(priceTokens(largeModel, 0, 0)).toBe(0);
  });

  it('R9: the cost depends on the model', () => {
    expect(priceTokens(cheapModel, 1_500, 250)).toBe(credits(0.25));
    expect(priceTokens(largeModel, 1_500, 250)).toBe(credits(1.125));
  });

  it('R9: token pricing rounds up to the next thousandth of a credit', () => {
    // 1 prompt token at 0.5 credit per 1,000 tokens is 0.0005 credits: charged 0.001.
    expect(priceTokens(largeModel, 1, 0)).toBe(1);
    // 1,234 × 0.4 + 321 × 1.6 = 493.6 + 513.6 = 1,007.2 thousandths: charged 1,008.
    expect(priceTokens({ input: 400, output: 1_600 }, 1_234, 321)).toBe(1_008);
    // Exactly 1,007 thousandths is not rounded further.
    expect(priceTokens({ input: 1_000, output: 1_000 }, 1_000, 7)).toBe(1_007);
  });

  it('R9: a row is never charged less than it used, and never a whole thousandth more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        (input, output, inputTokens, outputTokens) => {
          const price = priceTokens({ input, output }, inputTokens, outputTokens);
          // In millionths of a credit, exact integers.
          const used = inputTokens * input + outputTokens * output;
          expect(Number.isInteger(price)).toBe(true);
          expect(price * 1_000).toBeGreaterThanOrEqual(used);
          expect(price * 1_000 - used).toBeLessThan(1_000);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('R9: a run of N rows priced row by row is N times the row estimate, each row rounded up', () => {
    const perRow = priceTokens(cheapModel, 333, 77);
    expect(perRow).toBe(65);
    const rows = 1_000;
    const run = Array.from({ length: rows }, () => priceTokens(cheapModel, 333, 77)).reduce((a, b) => a + b, 0);
    expect(run).toBe(perRow * rows);
    expect(run).toBeGreaterThanOrEqual(Math.ceil((rows * (333 * cheapModel.input + 77 * cheapModel.output)) / 1_000));
  });

  it('R9: a run of N rows costs N rows, each rounded up, not the rounded cost of all their tokens', () => {
    const perRow = priceTokens(cheapModel, 1, 0);
    expect(runCost(perRow, 1_000)).toBe(1_000);
    expect(runCost(perRow, 0)).toBe(0);
  });

  it('refuses a cost too large to compute exactly rather than round it', () => {
    expect(() => priceTokens(largeModel, Number.MAX_SAFE_INTEGER, 0)).toThrow(/too large/);
    expect(() => runCost(credits(1_000_000), Number.MAX_SAFE_INTEGER)).toThrow(/too large/);
  });
});
