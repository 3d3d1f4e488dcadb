import type { ChargeContext, ChargeDecision, GrantState, LimitState, Refusal } from '@creditkit/rules';
import { applyDebits, decideCharge, priceTokens, spendableBalance } from '@creditkit/rules';
import { describe, expect, it } from 'vitest';
import { at, credits, DAY, grant, HOUR, sumOf } from './fixtures';

const now = at('2025-03-10T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const later = (ms: number) => new Date(now.getTime() + ms);

const planGrant = grant('plan', 'plan', credits(100), { effectiveAt: ago(DAY), expiresAt: later(20 * DAY) });
const purchasedGrant = grant('buy', 'purchased', credits(50), { effectiveAt: ago(DAY), expiresAt: null });

function context(overrides: Partial<ChargeContext> = {}): ChargeContext {
  return {
    now,
    price: credits(1),
    ownKey: false,
    paidBy: null,
    trigger: 'run',
    run: null,
    enrichmentLimit: null,
    workbookLimit: null,
    grants: [planGrant, purchasedGrant],
    reservedByOtherRuns: 0,
    ...overrides,
  };
}

function limit(id: string, max: number | null, spent: number, enabled = true): LimitState {
  return { id, enabled, limit: max === null ? null : credits(max), spent: credits(spent) };
}

function refusal(decision: ChargeDecision): Refusal {
  if (decision.outcome !== 'refused') throw new Error(`expected a refusal, got ${decision.outcome}`);
  return decision;
}

function charged(decision: ChargeDecision) {
  if (decision.outcome !== 'charged') throw new Error(`expected a charge, got ${decision.outcome}`);
  return decision.debits;
}

describe('R9 run budget', () => {
  const run = { id: 'run_1', budget: credits(5), spent: credits(4.5), status: 'running' as const };

  it('R9: a charge that fits the run budget settles against it, up to exactly the budget', () => {
    expect(charged(decideCharge(context({ run, price: credits(0.5) })))).toEqual([
      { grantId: 'plan', amount: credits(0.5) },
    ]);
  });

  it('R9: a charge past the run budget is refused with the run, its budget, spend and what remains', () => {
    expect(decideCharge(context({ run, price: credits(0.501) }))).toEqual({
      outcome: 'refused',
      code: 'run_budget_exhausted',
      scope: 'run',
      id: 'run_1',
      limit: credits(5),
      spent: credits(4.5),
      remaining: credits(0.5),
    });
  });

  it('R9: a completed run takes no more charges: its budget shrank to what it spent', () => {
    const done = { ...run, spent: credits(1), status: 'completed' as const };
    expect(decideCharge(context({ run: done, price: credits(0.001) }))).toEqual({
      outcome: 'refused',
      code: 'run_completed',
      scope: 'run',
      id: 'run_1',
      limit: credits(1),
      spent: credits(1),
      remaining: 0,
    });
  });

  it("R9: other runs' reservations are not spendable, a run's own reservation pays for its charges", () => {
    // 150 credits in the grants, 140 of them reserved by another open run.
    const others = credits(140);
    expect(spendableBalance([planGrant, purchasedGrant], others, now)).toBe(credits(10));
    expect(refusal(decideCharge(context({ price: credits(10.001), reservedByOtherRuns: others }))).code).toBe(
      'insufficient_credits',
    );
    expect(charged(decideCharge(context({ price: credits(10), reservedByOtherRuns: others })))).toHaveLength(1);

    // This run reserved 150 itself (not counted in reservedByOtherRuns): it may spend all of it.
    const ownRun = { id: 'run_2', budget: credits(150), spent: 0, status: 'running' as const };
    const debits = charged(decideCharge(context({ run: ownRun, price: credits(150), reservedByOtherRuns: 0 })));
    expect(sumOf(debits)).toBe(credits(150));
  });

  it('R9: reservations larger than the grants leave nothing to spend, never a negative balance', () => {
    expect(spendableBalance([planGrant], credits(1_000), now)).toBe(0);
  });
});

describe('R10 own key', () => {
  it('R10: with its own key for the provider the action costs 0 credits and is still recorded as own_key', () => {
    const decision = decideCharge(context({ ownKey: true, price: credits(3) }));
    expect(decision).toEqual({ outcome: 'own_key' });
  });

  it('R10: an own-key action runs even with no balance and every limit spent', () => {
    const decision = decideCharge(
      context({
        ownKey: true,
        grants: [],
        workbookLimit: limit('wb_1', 10, 10),
        enrichmentLimit: limit('en_1', 10, 10),
        run: { id: 'run_1', budget: credits(1), spent: credits(1), status: 'running' },
      }),
    );
    expect(decision).toEqual({ outcome: 'own_key' });
  });
});

describe('R11 workbook limit', () => {
  it('R11: a charge that takes the workbook spend exactly to its limit is allowed', () => {
    const debits = charged(decideCharge(context({ workbookLimit: limit('wb_1', 100, 99), price: credits(1) })));
    expect(sumOf(debits)).toBe(credits(1));
  });

  it('R11: a charge past the workbook limit is refused, names the limit, its spend and what remains', () => {
    const decision = decideCharge(context({ workbookLimit: limit('wb_1', 100, 99), price: credits(1.001) }));
    expect(decision).toEqual({
      outcome: 'refused',
      code: 'workbook_limit_reached',
      scope: 'workbook',
      id: 'wb_1',
      limit: credits(100),
      spent: credits(99),
      remaining: credits(1),
    });
  });

  it('R11: a limit lowered below the spend reports nothing remaining, never a negative amount', () => {
    const decision = refusal(decideCharge(context({ workbookLimit: limit('wb_1', 50, 80) })));
    expect(decision).toMatchObject({ code: 'workbook_limit_reached', limit: credits(50), spent: credits(80) });
    expect(decision.remaining).toBe(0);
  });

  it('R11: a disabled limit, or one without an amount, does not stop a charge', () => {
    expect(charged(decideCharge(context({ workbookLimit: limit('wb_1', 10, 10, false) })))).toHaveLength(1);
    expect(charged(decideCharge(context({ workbookLimit: limit('wb_1', null, 1_000) })))).toHaveLength(1);
  });

  it('R11: a refusal writes nothing: the grants and limits it was given are unchanged', () => {
    const input = context({ workbookLimit: limit('wb_1', 100, 100) });
    const before = structuredClone(input);
    expect(decideCharge(input).outcome).toBe('refused');
    expect(input).toEqual(before);
  });
});

describe('R12 enrichment limit', () => {
  it('R12: a charge past the enrichment limit is refused with the enrichment, its limit, spend and remainder', () => {
    const decision = decideCharge(context({ enrichmentLimit: limit('en_1', 1_000, 999.5), price: credits(0.6) }));
    expect(decision).toEqual({
      outcome: 'refused',
      code: 'enrichment_limit_reached',
      scope: 'enrichment',
      id: 'en_1',
      limit: credits(1_000),
      spent: credits(999.5),
      remaining: credits(0.5),
    });
  });

  it('R12: raising the limit lets the refused charge through', () => {
    const price = credits(0.6);
    expect(decideCharge(context({ enrichmentLimit: limit('en_1', 1_000, 999.5), price })).outcome).toBe('refused');
    expect(decideCharge(context({ enrichmentLimit: limit('en_1', 1_001, 999.5), price })).outcome).toBe('charged');
  });

  it('R12: a 1,000-credit enrichment limit at ~1 credit per AI row stops at ≤ 1,000 credits', () => {
    // ~1 credit per row: 0.4 credit per 1k prompt tokens, 1.6 per 1k output tokens, ~1,500 + ~250 tokens a row.
    const rates = { input: 400, output: 1_600 };
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };

    let grants: GrantState[] = [grant('buy', 'purchased', credits(10_000), { effectiveAt: ago(DAY), expiresAt: null })];
    let enrichment = limit('en_ai_copy', 1_000, 0);
    let charges = 0;
    let firstRefusal: { decision: Refusal; price: number; spent: number } | null = null;
    const prices: number[] = [];

    for (let row = 0; row < 1_500; row += 1) {
      const price = priceTokens(rates, 1_250 + Math.floor(random() * 500), 200 + Math.floor(random() * 100));
      prices.push(price);
      const decision = decideCharge(context({ price, grants, enrichmentLimit: enrichment }));
      if (decision.outcome === 'charged') {
        grants = applyDebits(grants, decision.debits);
        enrichment = { ...enrichment, spent: enrichment.spent + price };
        charges += 1;
      } else if (decision.outcome === 'refused') {
        firstRefusal ??= { decision, price, spent: enrichment.spent };
      }
    }

    // The rows really cost about one credit each, some a bit more, some less.
    expect(Math.min(...prices)).toBeLessThan(credits(1));
    expect(Math.max(...prices)).toBeGreaterThan(credits(1));
    expect(sumOf(prices.map((amount) => ({ amount }))) / prices.length).toBeGreaterThan(credits(0.9));

    expect(enrichment.spent).toBeLessThanOrEqual(credits(1_000));
    expect(credits(10_000) - spendableBalance(grants, 0, now)).toBe(enrichment.spent);
    expect(charges).toBeGreaterThan(900);
    expect(charges).toBeLessThan(1_100);

    expect(firstRefusal).not.toBeNull();
    if (!firstRefusal) return;
    expect(firstRefusal.decision.code).toBe('enrichment_limit_reached');
    expect(firstRefusal.decision.scope).toBe('enrichment');
    expect(firstRefusal.decision.id).toBe('en_ai_copy');
    expect(firstRefusal.decision.limit).toBe(credits(1_000));
    expect(firstRefusal.decision.spent).toBe(firstRefusal.spent);
    expect(firstRefusal.spent + firstRefusal.price).toBeGreaterThan(credits(1_000));
  });
});

describe('R13 dedup', () => {
  it('R13: a record and field already paid for is deduplicated at 0 credits, naming the charge that paid', () => {
    expect(decideCharge(context({ paidBy: 'chg_1', grants: [] }))).toEqual({
      outcome: 'deduplicated',
      paidBy: 'chg_1',
    });
  });

  it('R24: a re-run or an Auto-Update refresh of an action already paid is charged again, and still limited', () => {
    for (const trigger of ['rerun', 'auto_update'] as const) {
      expect(decideCharge(context({ paidBy: 'chg_1', trigger }))).toMatchObject({ outcome: 'charged' });
      const limited = decideCharge(context({ paidBy: 'chg_1', trigger, workbookLimit: limit('wb_1', 10, 10) }));
      expect(refusal(limited).code).toBe('workbook_limit_reached');
    }
  });

  it('R13: audiences of 501 and 940 records overlapping in 300 are charged 1,141 times', () => {
    const audienceA = Array.from({ length: 501 }, (_, i) => `person_${i}`);
    const audienceB = Array.from({ length: 940 }, (_, i) => `person_${i + 201}`);
    expect(audienceA.filter((id) => audienceB.includes(id))).toHaveLength(300);

    const paid = new Map<string, string>();
    let grants: GrantState[] = [grant('buy', 'purchased', credits(5_000), { effectiveAt: ago(DAY), expiresAt: null })];
    const outcomes = { charged: 0, deduplicated: 0, other: 0 };
    let spent = 0;

    for (const [enrichment, audience] of [
      ['job_changer_copy', audienceA],
      ['job_changer_copy', audienceB],
    ] as const) {
      for (const recordId of audience) {
        const key = `${recordId}\u0000job_change_copy`;
        const decision = decideCharge(context({ price: credits(1), grants, paidBy: paid.get(key) ?? null }));
        if (decision.outcome === 'charged') {
          grants = applyDebits(grants, decision.debits);
          spent += sumOf(decision.debits);
          paid.set(key, `chg_${enrichment}_${paid.size + 1}`);
          outcomes.charged += 1;
        } else if (decision.outcome === 'deduplicated') {
          expect(paid.get(key)).toBe(decision.paidBy);
          outcomes.deduplicated += 1;
        } else {
          outcomes.other += 1;
        }
      }
    }

    expect(outcomes).toEqual({ charged: 1_141, deduplicated: 300, other: 0 });
    expect(spent).toBe(credits(1_141));
    expect(spendableBalance(grants, 0, now)).toBe(credits(5_000 - 1_141));
  });
});

describe('R14 insufficient credits', () => {
  it('R14: a charge larger than the spendable balance is refused, naming what is available', () => {
    expect(decideCharge(context({ price: credits(150.001) }))).toEqual({
      outcome: 'refused',
      code: 'insufficient_credits',
      scope: 'workspace',
      id: null,
      limit: credits(150),
      spent: 0,
      remaining: credits(150),
    });
  });

  it('R14: a charge of exactly the spendable balance is allowed and empties every grant', () => {
    const debits = charged(decideCharge(context({ price: credits(150) })));
    expect(debits).toEqual([
      { grantId: 'plan', amount: credits(100) },
      { grantId: 'buy', amount: credits(50) },
    ]);
  });

  it('R14: pending and expired grants do not count towards the balance a charge needs', () => {
    const pending = grant('next', 'plan', credits(1_000), { effectiveAt: later(HOUR), expiresAt: later(30 * DAY) });
    const expired = grant('old', 'plan', credits(1_000), { effectiveAt: ago(40 * DAY), expiresAt: ago(HOUR) });
    const grants = [pending, expired, purchasedGrant];
    expect(refusal(decideCharge(context({ price: credits(51), grants })))).toMatchObject({
      code: 'insufficient_credits',
      remaining: credits(50),
    });
    expect(charged(decideCharge(context({ price: credits(50), grants })))).toEqual([
      { grantId: 'buy', amount: credits(50) },
    ]);
    expect(refusal(decideCharge(context({ price: credits(1), grants: [pending, expired] }))).code).toBe(
      'insufficient_credits',
    );
  });
});

describe('the order in which the rules stack', () => {
  // Every check would refuse or short-circuit; lifting them one at a time shows which one answers first.
  const everything: ChargeContext = context({
    price: credits(20),
    paidBy: 'chg_0',
    ownKey: true,
    run: { id: 'run_1', budget: credits(10), spent: 0, status: 'running' },
    enrichmentLimit: limit('en_1', 10, 0),
    workbookLimit: limit('wb_1', 10, 0),
    grants: [grant('tiny', 'plan', credits(5), { effectiveAt: ago(DAY), expiresAt: later(DAY) })],
  });
  const roomy = (id: string) => limit(id, 1_000, 0);
  const roomyRun = { id: 'run_1', budget: credits(1_000), spent: 0, status: 'running' as const };

  it('R13 before R10: a deduplicated record is not recorded as an own-key charge', () => {
    expect(decideCharge(everything).outcome).toBe('deduplicated');
  });

  it('R10 before R9: an own key needs no run budget', () => {
    expect(decideCharge({ ...everything, paidBy: null }).outcome).toBe('own_key');
  });

  it('R9 before R12: the run budget answers before the enrichment limit', () => {
    expect(refusal(decideCharge({ ...everything, paidBy: null, ownKey: false })).code).toBe('run_budget_exhausted');
  });

  it('R12 before R11: the enrichment limit answers before the workbook limit', () => {
    const decision = decideCharge({ ...everything, paidBy: null, ownKey: false, run: roomyRun });
    expect(refusal(decision).code).toBe('enrichment_limit_reached');
  });

  it('R11 before R14: the workbook limit answers before the balance', () => {
    const decision = decideCharge({
      ...everything,
      paidBy: null,
      ownKey: false,
      run: roomyRun,
      enrichmentLimit: roomy('en_1'),
    });
    expect(refusal(decision)).toMatchObject({ code: 'workbook_limit_reached', scope: 'workbook', id: 'wb_1' });
  });

  it('R14 last: with every limit clear, the balance decides', () => {
    const clear = {
      ...everything,
      paidBy: null,
      ownKey: false,
      run: roomyRun,
      enrichmentLimit: roomy('en_1'),
      workbookLimit: roomy('wb_1'),
    };
    expect(refusal(decideCharge(clear)).code).toBe('insufficient_credits');
    expect(charged(decideCharge({ ...clear, price: credits(5) }))).toEqual([{ grantId: 'tiny', amount: credits(5) }]);
  });
});
