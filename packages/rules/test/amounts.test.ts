import {
  hasAtMostThreeDecimals,
  limitRemaining,
  MAX_CREDITS,
  maxAmount,
  toCredits,
  toThousandths,
} from '@creditkit/rules';
import { describe, expect, it } from 'vitest';

describe('amounts', () => {
  it('cross between credits and thousandths without drift', () => {
    expect(toThousandths(0.1 + 0.2)).toBe(300);
    expect(toThousandths(12_345.678)).toBe(12_345_678);
    expect(toCredits(12_345_678)).toBe(12_345.678);
    expect(maxAmount).toBe(MAX_CREDITS * 1000);
  });

  it('accept at most 3 decimals of a finite number', () => {
    for (const value of [0, 1, 0.001, 12_345.678, -2.5, MAX_CREDITS]) expect(hasAtMostThreeDecimals(value)).toBe(true);
    for (const value of [0.0001, 1.2345, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(hasAtMostThreeDecimals(value)).toBe(false);
    }
  });

  it('R11, R12: a limit lowered under what was spent allows nothing, never a negative amount', () => {
    expect(limitRemaining(5_000, 1_500)).toBe(3_500);
    expect(limitRemaining(1_000, 1_500)).toBe(0);
  });
});
