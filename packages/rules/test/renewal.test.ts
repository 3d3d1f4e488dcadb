import type { GrantState, PlanRule, RenewalInput } from '@creditkit/rules';
import { allocate, applyDebits, periodEnd, planRenewal, rolloverAllowed, spendableGrants } from '@creditkit/rules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRenewal, at, credits, DAY, grant, HOUR, planAndRollover, plans, sumOf } from './fixtures';

function renewal(plan: PlanRule, nextPlan: PlanRule, grants: readonly GrantState[], end: Date, delayMs = 0) {
  const input: RenewalInput = { now: end, plan, nextPlan, periodEnd: end, grants, delayMs };
  return planRenewal(input);
}

/** A plan grant and (optionally) a rollover grant, both ending at `end`, with what is left of them. */
function cycleGrants(start: Date, end: Date, planLeft: number, rolloverLeft = 0): GrantState[] {
  const grants = [grant('plan-0', 'plan', credits(planLeft), { effectiveAt: start, expiresAt: end })];
  if (rolloverLeft > 0) {
    grants.push(grant('rollover-0', 'rollover', credits(rolloverLeft), { effectiveAt: start, expiresAt: end }));
  }
  return grants;
}

const start = at('2025-01-01T12:00:00Z');
const end = at('2025-02-01T12:00:00Z');

describe('R3 monthly rollover', () => {
  it('R3: unused plan+rollover credits roll over up to the cap, the rest is forfeited', () => {
    const result = renewal(plans.proMonthly, plans.proMonthly, cycleGrants(start, end, 50_000, 30_000), end);
    expect(result.rollover).toBe(credits(50_000));
    expect(sumOf(result.carried)).toBe(credits(50_000));
    expect(sumOf(result.forfeits)).toBe(credits(30_000));
    expect(result.allowance.amount).toBe(credits(50_000));
    expect(result.rollover + result.allowance.amount).toBe(credits(100_000));
  });

  it('R3: below the cap everything unused rolls over and nothing is forfeited', () => {
    const result = renewal(plans.proMonthly, plans.proMonthly, cycleGrants(start, end, 12_345.678, 7_000), end);
    expect(result.rollover).toBe(credits(19_345.678));
    expect(result.forfeits).toEqual([]);
    expect(sumOf(result.carried)).toBe(credits(19_345.678));
  });

  it('R3: what rolls over is taken from the grants that would have expired last', () => {
    const grants = [
      grant('rollover-0', 'rollover', credits(40_000), { effectiveAt: start, expiresAt: at('2025-01-20T00:00:00Z') }),
      grant('plan-0', 'plan', credits(45_000), { effectiveAt: start, expiresAt: end }),
    ];
    const result = renewal(plans.proMonthly, plans.proMonthly, grants, end);
    expect(result.carried).toEqual([
      { grantId: 'plan-0', amount: credits(45_000) },
      { grantId: 'rollover-0', amount: credits(5_000) },
    ]);
    expect(result.forfeits).toEqual([{ grantId: 'rollover-0', amount: credits(35_000) }]);
  });

  it('R3: the cap is 2× the monthly allowance on every monthly plan', () => {
    for (const plan of [plans.starterMonthly, plans.explorerMonthly, plans.proMonthly]) {
      expect(rolloverAllowed(plan, plan, plan.credits * 5) + plan.credits).toBe(2 * plan.credits);
    }
  });

  it('R3: the next period is one calendar month, at the same time of day', () => {
    const result = renewal(plans.proMonthly, plans.proMonthly, cycleGrants(start, end, 1), end);
    expect(result.nextPeriodStart).toEqual(end);
    expect(result.nextPeriodEnd).toEqual(at('2025-03-01T12:00:00Z'));
  });

  it('R3: a monthly period that starts on 31 January ends at the end of February, not in March', () => {
    expect(periodEnd(plans.proMonthly, at('2025-01-31T12:00:00Z'))).toEqual(at('2025-02-28T12:00:00Z'));
    expect(periodEnd(plans.proMonthly, at('2024-01-31T12:00:00Z'))).toEqual(at('2024-02-29T12:00:00Z'));
  });

  it('R3: a 50,000-credit monthly plan never holds more than 100,000 after renewals', () => {
    const purchase = grant('buy', 'purchased', credits(5_000), { effectiveAt: start, expiresAt: null });
    let grants: GrantState[] = [
      grant('plan-0', 'plan', credits(50_000), { effectiveAt: start, expiresAt: periodEnd(plans.proMonthly, start) }),
      purchase,
    ];
    let periodStart = start;
    const spends = [0, 1_000, 0, 250.5, 0, 0, 3_000, 0, 10, 0, 0, 999.999];
    const balances: number[] = [];

    for (const [month, spend] of spends.entries()) {
      const end = periodEnd(plans.proMonthly, periodStart);
      const midMonth = new Date(periodStart.getTime() + 10 * DAY);
      grants = applyDebits(grants, allocate(grants, credits(spend), midMonth));

      const unused = planAndRollover(grants);
      const result = renewal(plans.proMonthly, plans.proMonthly, grants, end);
      expect(sumOf(result.forfeits) + sumOf(result.carried)).toBe(unused);
      expect(sumOf(result.carried)).toBe(result.rollover);

      grants = applyRenewal(grants, result, String(month + 1));
      balances.push(planAndRollover(grants));
      expect(planAndRollover(spendableGrants(grants, end))).toBeLessThanOrEqual(credits(100_000));
      periodStart = result.nextPeriodStart;
    }

    expect(balances).toHaveLength(12);
    for (const balance of balances) expect(balance).toBeLessThanOrEqual(credits(100_000));
    expect(Math.max(...balances)).toBe(credits(100_000));
    // Month 1 spent nothing: the first renewal already reaches the cap exactly.
    expect(balances[0]).toBe(credits(100_000));
    // Month 2 spent 1,000: 99,000 unused, capped at 50,000 rolled + 50,000 allowance.
    expect(balances[1]).toBe(credits(100_000));
    // Purchases sit outside the cap, untouched (R17).
    expect(grants.find((g) => g.id === 'buy')).toEqual(purchase);
    expect(periodStart).toEqual(at('2026-01-01T12:00:00Z'));
  });
});

describe('R4 annual rollover', () => {
  const yearStart = at('2025-01-01T00:00:00Z');
  const yearEnd = at('2026-01-01T00:00:00Z');

  it('R4: renewing on the same tier rolls over 15% of the unused credits', () => {
    const result = renewal(plans.proAnnual, plans.proAnnual, cycleGrants(yearStart, yearEnd, 100_000), yearEnd);
    expect(result.rollover).toBe(credits(15_000));
    expect(result.carried).toEqual([{ grantId: 'plan-0', amount: credits(15_000) }]);
    expect(result.forfeits).toEqual([{ grantId: 'plan-0', amount: credits(85_000) }]);
    expect(result.allowance.amount).toBe(credits(600_000));
    expect(result.nextPeriodEnd).toEqual(at('2027-01-01T00:00:00Z'));
  });

  it('R4: renewing on a higher tier rolls over 15% of the unused credits', () => {
    const grants = cycleGrants(yearStart, yearEnd, 20_000);
    const result = renewal(plans.explorerAnnual, plans.proAnnual, grants, yearEnd);
    expect(result.rollover).toBe(credits(3_000));
    expect(result.allowance.amount).toBe(credits(600_000));
  });

  it('R4: renewing on a lower tier rolls over nothing and forfeits every unused credit', () => {
    const grants = cycleGrants(yearStart, yearEnd, 100_000, 9_000);
    const result = renewal(plans.proAnnual, plans.explorerAnnual, grants, yearEnd);
    expect(result.rollover).toBe(0);
    expect(result.carried).toEqual([]);
    expect(sumOf(result.forfeits)).toBe(credits(109_000));
    expect(result.allowance.amount).toBe(credits(120_000));
  });

  it('R4: an annual plan renewing onto a lower-tier monthly plan rolls over nothing', () => {
    const grants = cycleGrants(yearStart, yearEnd, 100_000);
    const result = renewal(plans.proAnnual, plans.starterMonthly, grants, yearEnd);
    expect(result.rollover).toBe(0);
    expect(sumOf(result.forfeits)).toBe(credits(100_000));
    expect(result.allowance.amount).toBe(credits(2_000));
  });

  it('R4: 15% rounds down to the thousandth, never rolling over more than 15%', () => {
    expect(rolloverAllowed(plans.proAnnual, plans.proAnnual, 7)).toBe(1);
    expect(rolloverAllowed(plans.proAnnual, plans.proAnnual, credits(0.1))).toBe(15);
    expect(rolloverAllowed(plans.starterAnnual, plans.starterAnnual, 0)).toBe(0);
    expect(rolloverAllowed(plans.explorerAnnual, plans.starterAnnual, credits(1_000))).toBe(0);
  });

  it('R4: an annual period that starts on 29 February ends on 28 February, not in March', () => {
    expect(periodEnd(plans.proAnnual, at('2024-02-29T09:00:00Z'))).toEqual(at('2025-02-28T09:00:00Z'));
  });
});

describe('R5 trial and free', () => {
  const trialStart = at('2025-03-01T08:00:00Z');
  const trialEnd = periodEnd(plans.trial, trialStart);

  it('R5: a trial lasts 14 days', () => {
    expect(trialEnd).toEqual(at('2025-03-15T08:00:00Z'));
  });

  it('R5: when a trial ends at most 100 credits roll over into the free plan', () => {
    const result = renewal(plans.trial, plans.free, cycleGrants(trialStart, trialEnd, 1_000), trialEnd);
    expect(result.rollover).toBe(credits(100));
    expect(result.forfeits).toEqual([{ grantId: 'plan-0', amount: credits(900) }]);
    expect(result.allowance.amount).toBe(credits(100));
    expect(result.nextPeriodEnd).toEqual(at('2025-04-15T08:00:00Z'));
  });

  it('R5: a trial with fewer than 100 credits left keeps them all', () => {
    const result = renewal(plans.trial, plans.free, cycleGrants(trialStart, trialEnd, 42.5), trialEnd);
    expect(result.rollover).toBe(credits(42.5));
    expect(result.forfeits).toEqual([]);
  });

  it('R5: a trial that ends in an upgrade to a paid plan still rolls over at most 100 credits', () => {
    const result = renewal(plans.trial, plans.proMonthly, cycleGrants(trialStart, trialEnd, 1_000), trialEnd);
    expect(result.rollover).toBe(credits(100));
    expect(sumOf(result.forfeits)).toBe(credits(900));
    expect(result.allowance.amount).toBe(credits(50_000));
  });

  it('R5: a free workspace refreshing at the end of its month carries at most 100 credits', () => {
    const result = renewal(plans.free, plans.free, cycleGrants(start, end, 100, 100), end);
    expect(result.rollover).toBe(credits(100));
    expect(sumOf(result.forfeits)).toBe(credits(100));
    expect(result.rollover + result.allowance.amount).toBe(credits(200));
  });
});

describe('R6 downgrade and cancel', () => {
  it('R6: until the cycle ends the current credits stay usable', () => {
    const grants = cycleGrants(start, end, 50_000, 40_000);
    const justBefore = new Date(end.getTime() - 1);
    expect(sumOf(allocate(grants, credits(90_000), justBefore))).toBe(credits(90_000));
  });

  it("R6: a downgrade reduces the balance to the new plan's rollover limit at the cycle end", () => {
    const grants = cycleGrants(start, end, 50_000, 40_000);
    const result = renewal(plans.proMonthly, plans.starterMonthly, grants, end);
    expect(result.rollover).toBe(credits(2_000));
    expect(sumOf(result.forfeits)).toBe(credits(88_000));
    expect(result.allowance.amount).toBe(credits(2_000));
    const after = applyRenewal(grants, result, '1');
    expect(planAndRollover(after)).toBe(credits(4_000));
  });

  it('R6: cancelling moves to the free plan, which keeps at most 100 credits', () => {
    const result = renewal(plans.proMonthly, plans.free, cycleGrants(start, end, 30_000), end);
    expect(result.rollover).toBe(credits(100));
    expect(sumOf(result.forfeits)).toBe(credits(29_900));
    expect(result.allowance.amount).toBe(credits(100));
  });

  it('R6: an annual downgrade to a lower tier keeps nothing (R4)', () => {
    const yearEnd = at('2026-01-01T12:00:00Z');
    const result = renewal(plans.proAnnual, plans.starterAnnual, cycleGrants(start, yearEnd, 300_000), yearEnd);
    expect(result.rollover).toBe(0);
    expect(sumOf(result.forfeits)).toBe(credits(300_000));
  });

  it("R6: the next period follows the new plan's interval", () => {
    const result = renewal(plans.starterMonthly, plans.starterAnnual, cycleGrants(start, end, 10), end);
    expect(result.nextPeriodEnd).toEqual(at('2026-02-01T12:00:00Z'));
  });
});

describe('R7 renewal processing', () => {
  it('R7: the new allowance becomes effective after the renewal delay, not before', () => {
    const delayMs = 90 * 60 * 1000;
    const grants = cycleGrants(start, end, 10_000);
    const result = renewal(plans.proMonthly, plans.proMonthly, grants, end, delayMs);
    expect(result.allowance.effectiveAt).toEqual(new Date(end.getTime() + delayMs));

    const after = applyRenewal(grants, result, '1');
    const spendableIds = (when: Date) => spendableGrants(after, when).map((g) => g.id);
    // While processing only the carried credits are spendable; the allowance is pending.
    expect(spendableIds(end)).toEqual(['rollover-1']);
    expect(spendableIds(new Date(end.getTime() + delayMs - 1))).toEqual(['rollover-1']);
    expect(spendableIds(new Date(end.getTime() + delayMs)).sort()).toEqual(['plan-1', 'rollover-1']);
  });

  it('R7: the delay counts from when the renewal is processed', () => {
    const processedAt = new Date(end.getTime() + 5 * 60 * 1000);
    const result = planRenewal({
      now: processedAt,
      plan: plans.proMonthly,
      nextPlan: plans.proMonthly,
      periodEnd: end,
      grants: cycleGrants(start, end, 1),
      delayMs: 2 * HOUR,
    });
    expect(result.allowance.effectiveAt).toEqual(new Date(processedAt.getTime() + 2 * HOUR));
    expect(result.nextPeriodStart).toEqual(end);
  });

  it('R7: with no delay the allowance is effective at once', () => {
    const result = renewal(plans.proMonthly, plans.proMonthly, cycleGrants(start, end, 1), end, 0);
    expect(result.allowance.effectiveAt).toEqual(end);
    expect(spendableGrants(applyRenewal([], result, '1'), end).map((g) => g.id)).toContain('plan-1');
  });
});

describe('R17 purchases', () => {
  const purchased = grant('buy', 'purchased', credits(200_000), { effectiveAt: start, expiresAt: null });

  it('R17: purchases are untouched by renewals and outside the cap', () => {
    const grants = [...cycleGrants(start, end, 50_000, 50_000), purchased];
    const result = renewal(plans.proMonthly, plans.proMonthly, grants, end);
    expect(result.rollover).toBe(credits(50_000));
    expect(sumOf(result.forfeits) + sumOf(result.carried)).toBe(credits(100_000));
    expect([...result.forfeits, ...result.carried].map((row) => row.grantId)).not.toContain('buy');
    expect(applyRenewal(grants, result, '1').find((g) => g.id === 'buy')).toEqual(purchased);
  });

  it('R17: a downgrade to free keeps every purchased credit', () => {
    const grants = [...cycleGrants(start, end, 50_000), purchased];
    const result = renewal(plans.proMonthly, plans.free, grants, end);
    expect(result.rollover).toBe(credits(100));
    expect([...result.forfeits, ...result.carried].map((row) => row.grantId)).toEqual(['plan-0', 'plan-0']);
    expect(sumOf(result.forfeits)).toBe(credits(49_900));
  });

  it('R17: a workspace with only purchases forfeits nothing at renewal', () => {
    const result = renewal(plans.free, plans.free, [purchased], end);
    expect(result).toMatchObject({ forfeits: [], carried: [], rollover: 0 });
  });
});

describe('renewal property', () => {
  const allPlans = Object.values(plans);
  const grantsArb = fc
    .array(
      fc.record({
        source: fc.constantFrom<GrantState['source']>('plan', 'rollover', 'purchased', 'granted'),
        remaining: fc.integer({ min: 0, max: credits(700_000) }),
        expiryDays: fc.integer({ min: -5, max: 40 }),
        priority: fc.integer({ min: -100, max: 100 }),
      }),
      { maxLength: 8 },
    )
    .map((rows) =>
      rows.map(
        (row, index): GrantState => ({
          id: `g${index}`,
          source: row.source,
          remaining: row.remaining,
          effectiveAt: start,
          expiresAt: row.source === 'purchased' ? null : new Date(start.getTime() + row.expiryDays * DAY),
          priority: row.source === 'granted' ? row.priority : 0,
          createdAt: start,
        }),
      ),
    );

  it('R3–R6, R17, R28: forfeits + carried always add up to the unused plan+rollover credits, grant by grant', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allPlans), fc.constantFrom(...allPlans), grantsArb, (plan, nextPlan, grants) => {
        const result = renewal(plan, nextPlan, grants, end);
        const unused = planAndRollover(grants);

        expect(sumOf(result.forfeits) + sumOf(result.carried)).toBe(unused);
        expect(sumOf(result.carried)).toBe(result.rollover);
        expect(result.rollover).toBeLessThanOrEqual(Math.min(unused, rolloverAllowed(plan, nextPlan, unused)));
        for (const g of grants) {
          const left = [...result.forfeits, ...result.carried].filter((row) => row.grantId === g.id);
          // Purchased and granted credits are outside every renewal: granted ones keep their own expiry (R28).
          if (g.source === 'purchased' || g.source === 'granted') expect(left).toEqual([]);
          else expect(sumOf(left)).toBe(g.remaining);
        }
        for (const row of [...result.forfeits, ...result.carried]) expect(row.amount).toBeGreaterThan(0);
        if (nextPlan.rollover.policy === 'balance_cap') {
          expect(result.rollover + result.allowance.amount).toBeLessThanOrEqual(2 * nextPlan.credits);
        }
      }),
      { numRuns: 500 },
    );
  });
});
