import type { ChargeContext, Debit, GrantState } from '@creditkit/rules';
import { applyDebits, decideCharge, decideRefund, spendableGrants } from '@creditkit/rules';
import { describe, expect, it } from 'vitest';
import { applyCredits, at, credits, DAY, grant, sumOf } from './fixtures';

const now = at('2025-03-10T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const later = (ms: number) => new Date(now.getTime() + ms);

const grants: GrantState[] = [
  grant('roll', 'rollover', credits(3), { effectiveAt: ago(DAY), expiresAt: later(2 * DAY) }),
  grant('plan', 'plan', credits(10), { effectiveAt: ago(DAY), expiresAt: later(20 * DAY) }),
  grant('buy', 'purchased', credits(100), { effectiveAt: ago(5 * DAY), expiresAt: null }),
];

function charge(price: number, from: readonly GrantState[]): Debit[] {
  const base: ChargeContext = {
    now,
    price,
    ownKey: false,
    paidBy: null,
    run: null,
    enrichmentLimit: null,
    workbookLimit: null,
    grants: from,
    reservedByOtherRuns: 0,
    trigger: 'run',
  };
  const decision = decideCharge(base);
  if (decision.outcome !== 'charged') throw new Error(`expected a charge, got ${decision.outcome}`);
  return decision.debits;
}

describe('R15 refunds', () => {
  it('R15: credits go back to the grants they came from', () => {
    const debits = charge(credits(15.5), grants);
    expect(debits).toEqual([
      { grantId: 'roll', amount: credits(3) },
      { grantId: 'plan', amount: credits(10) },
      { grantId: 'buy', amount: credits(2.5) },
    ]);
    const charged = applyDebits(grants, debits);

    const decision = decideRefund('charged', debits);
    expect(decision).toEqual({ outcome: 'refund', credits: debits });
    if (decision.outcome !== 'refund') return;
    expect(applyCredits(charged, decision.credits)).toEqual(grants);
  });

  it('R15: a refund returns credits to their own grants, not to whichever grant burns first now', () => {
    const debits = charge(credits(4), grants);
    // A newer grant that expires sooner arrives after the charge; the refund still goes to the old grants.
    const sooner = grant('soon', 'rollover', credits(1), { effectiveAt: now, expiresAt: later(DAY) });
    const afterCharge = [...applyDebits(grants, debits), sooner];
    const decision = decideRefund('charged', debits);
    if (decision.outcome !== 'refund') throw new Error('expected a refund');
    expect(decision.credits.map((credit) => credit.grantId)).toEqual(['roll', 'plan']);
    expect(applyCredits(afterCharge, decision.credits)).toEqual([...grants, sooner]);
  });

  it('R15: the refund is exactly what the charge cost, so workbook, enrichment and run spend drop by it', () => {
    const price = credits(7.25);
    const workbookSpentBefore = credits(40);
    const debits = charge(price, grants);
    const decision = decideRefund('charged', debits);
    if (decision.outcome !== 'refund') throw new Error('expected a refund');
    expect(sumOf(decision.credits)).toBe(price);
    expect(workbookSpentBefore + price - sumOf(decision.credits)).toBe(workbookSpentBefore);
  });

  it('R15: refunding twice changes nothing', () => {
    const debits = charge(credits(12), grants);
    let state = applyDebits(grants, debits);
    let status = 'charged';

    for (let attempt = 0; attempt < 2; attempt += 1) {
      const decision = decideRefund(status, debits);
      if (decision.outcome === 'refund') {
        state = applyCredits(state, decision.credits);
        status = 'refunded';
      }
    }
    expect(state).toEqual(grants);
    expect(decideRefund('refunded', debits)).toEqual({ outcome: 'already_refunded' });
    expect(sumOf(spendableGrants(state, now).map((g) => ({ amount: g.remaining })))).toBe(credits(113));
  });

  it('R15: a charge that cost nothing (own key, deduplicated) refunds no credits', () => {
    expect(decideRefund('own_key', [])).toEqual({ outcome: 'refund', credits: [] });
    expect(decideRefund('deduplicated', [])).toEqual({ outcome: 'refund', credits: [] });
  });

  it('R15: the refund decision does not share rows with the charge it reverses', () => {
    const debits = charge(credits(2), grants);
    const decision = decideRefund('charged', debits);
    if (decision.outcome !== 'refund') throw new Error('expected a refund');
    expect(decision.credits).not.toBe(debits);
    expect(decision.credits[0]).not.toBe(debits[0]);
  });
});
