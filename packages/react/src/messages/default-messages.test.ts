import { defaultCreditMessages } from '@creditkit/react';
import { describe, expect, it } from 'vitest';

const { common, costBadge, runBudget, renewal, spendLimit } = defaultCreditMessages;

describe('defaultCreditMessages', () => {
  it('chooses the plural form from the amount, not from how the locale wrote it', () => {
    expect(common.credits('1', 1)).toBe('1 credit');
    expect(common.credits('0', 0)).toBe('0 credits');
    expect(common.credits('1,5', 1.5)).toBe('1,5 credits');
    expect(common.credits('1.000', 1000)).toBe('1.000 credits');
    expect(renewal.purchasedKept('1', 1)).toBe('1 purchased credit never expires');
    expect(renewal.forfeits('1,5', 1.5)).toBe('1,5 credits expire');
    expect(renewal.keeps('1', 1)).toBe('1 credit rolls over');
  });

  it('writes the cost badge, the run estimate and the spend limit phrases', () => {
    expect(costBadge.cost('2', 2)).toBe('2 credits');
    expect(costBadge.freeOwnKey).toBe('Free · own key');
    expect(costBadge.perRow('0.24', 0.24)).toBe('≈0.24 credits / row');
    expect(costBadge.total('240', 240, '1,000', 1000)).toBe('≈240 credits for 1,000 rows');
    expect(costBadge.total('0.24', 0.24, '1', 1)).toBe('≈0.24 credits for 1 row');
    expect(runBudget.estimate('0.24', '240', '1,000', 1000, 240)).toBe('≈0.24 / row · ≈240 credits for 1,000 rows');
    expect(spendLimit.remaining('880', 880)).toBe('880 credits remaining');
  });
});
