import { describe, expect, it } from 'vitest';
import { formatCredits } from '../../src/helpers/format-credits';

describe('formatCredits', () => {
  it('writes whole amounts without trailing zeros', () => {
    expect(formatCredits(2, 'en-US')).toBe('2');
    expect(formatCredits(0, 'en-US')).toBe('0');
  });

  it('keeps up to 3 decimals without padding', () => {
    expect(formatCredits(0.24, 'en-US')).toBe('0.24');
    expect(formatCredits(0.001, 'en-US')).toBe('0.001');
    expect(formatCredits(1.2345, 'en-US')).toBe('1.235');
  });

  it("follows the locale's separators", () => {
    expect(formatCredits(1000.5, 'de-DE')).toBe('1.000,5');
    expect(formatCredits(1000.5, 'en-US')).toBe('1,000.5');
    expect(formatCredits(1000.5, 'ja-JP')).toBe('1,000.5');
    expect(formatCredits(1234567.5, 'en-IN')).toBe('12,34,567.5');
  });

  it('takes a smaller precision, cached apart from the default one', () => {
    expect(formatCredits(1.2345, 'en-US', { maximumFractionDigits: 1 })).toBe('1.2');
    expect(formatCredits(1.2345, 'en-US')).toBe('1.235');
    expect(formatCredits(1.2345, 'en-US', { maximumFractionDigits: 0 })).toBe('1');
  });

  it('uses the runtime locale when none is given', () => {
    expect(formatCredits(1000.5)).toBe(new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 }).format(1000.5));
  });
});
