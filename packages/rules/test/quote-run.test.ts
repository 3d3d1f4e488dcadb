import type { ChargeTrigger, GrantState, LimitState, RunQuoteInput, RunState } from '@creditkit/rules';
import { quoteRun } from '@creditkit/rules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, credits, DAY, grant } from './fixtures';

const now = at('2025-03-10T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const later = (ms: number) => new Date(now.getTime() + ms);

const planGrant = grant('plan', 'plan', credits(100), { effectiveAt: ago(DAY), expiresAt: later(20 * DAY) });
const purchasedGrant = grant('buy', 'purchased', credits(50), { effectiveAt: ago(DAY), expiresAt: null });

const unpaid = (rows: number) => Array.from({ length: rows }, () => null);

function input(overrides: Partial<RunQuoteInput> = {}): RunQuoteInput {
  return {
    now,
    price: credits(1),
    ownKey: false,
    paidBy: unpaid(3),
    trigger: 'run',
    run: null,
    enrichmentLimit: null,
    workbookLimit: null,
    grants: [planGrant, purchasedGrant],
    reservedByOtherRuns: 0,
    ...overrides,
  };
}

function limit(id: string, max: number, spent: number, enabled = true): LimitState {
  return { id, enabled, limit: credits(max), spent: credits(spent) };
}

describe('R23 a quote decides each row as its charge would be decided', () => {
  it('counts rows already paid, charges the others, and stops where the workbook limit would (R11, R13)', () => {
    // 24 rows, the first 4 already paid; the workbook has 10 of its 25 credits left.
    const paidBy = Array.from({ length: 24 }, (_, row) => (row < 4 ? `chg_${row}` : null));
    const quote = quoteRun(input({ paidBy, workbookLimit: limit('wb_1', 25, 15) }));
    expect(quote.outcomes).toEqual([
      ...Array.from({ length: 4 }, () => 'already_paid'),
      ...Array.from({ length: 10 }, () => 'charge'),
      ...Array.from({ length: 10 }, () => 'not_reached'),
    ]);
    expect(quote).toMatchObject({
      chargedRows: 10,
      alreadyPaidRows: 4,
      ownKeyRows: 0,
      notReachedRows: 10,
      credits: credits(10),
      balance: credits(150),
      balanceAfter: credits(140),
      stop: {
        afterRows: 14,
        refusal: {
          outcome: 'refused',
          code: 'workbook_limit_reached',
          scope: 'workbook',
          id: 'wb_1',
          limit: credits(25),
          spent: credits(25),
          remaining: 0,
        },
      },
    });
  });

  it('R24: a re-run or an Auto-Update refresh charges the rows already paid', () => {
    for (const trigger of ['rerun', 'auto_update'] as const) {
      const quote = quoteRun(input({ trigger, paidBy: ['chg_1', null, 'chg_2'] }));
      expect(quote.outcomes).toEqual(['charge', 'charge', 'charge']);
      expect(quote.credits).toBe(credits(3));
    }
  });

  it('R10: with its own key every row is free and no limit or balance stops the run', () => {
    const quote = quoteRun(
      input({ ownKey: true, paidBy: ['chg_1', null, null], grants: [], workbookLimit: limit('wb_1', 0, 0) }),
    );
    expect(quote.outcomes).toEqual(['already_paid', 'own_key', 'own_key']);
    expect(quote).toMatchObject({ chargedRows: 0, ownKeyRows: 2, credits: 0, balance: 0, balanceAfter: 0, stop: null });
  });

  it('R9: a run budget stops the run at the row that would pass it, with the budget and what it spent by then', () => {
    const run: RunState = { id: 'run_1', budget: credits(5), spent: credits(1), status: 'running' };
    const quote = quoteRun(input({ run, price: credits(1.5), paidBy: unpaid(4) }));
    expect(quote.outcomes).toEqual(['charge', 'charge', 'not_reached', 'not_reached']);
    expect(quote.stop).toEqual({
      afterRows: 2,
      refusal: {
        outcome: 'refused',
        code: 'run_budget_exhausted',
        scope: 'run',
        id: 'run_1',
        limit: credits(5),
        spent: credits(4),
        remaining: credits(1),
      },
    });
  });

  it('R9: a completed run stops at its first row to charge; rows already paid pass before it', () => {
    const run: RunState = { id: 'run_1', budget: credits(5), spent: credits(2), status: 'completed' };
    const quote = quoteRun(input({ run, paidBy: ['chg_1', null, null] }));
    expect(quote.outcomes).toEqual(['already_paid', 'not_reached', 'not_reached']);
    expect(quote.stop).toMatchObject({ afterRows: 1, refusal: { code: 'run_completed', limit: credits(2) } });
  });

  it('R12: an enrichment limit is checked before the workbook limit, as a charge checks it', () => {
    const quote = quoteRun(
      input({ enrichmentLimit: limit('en_1', 2, 0), workbookLimit: limit('wb_1', 2, 0), paidBy: unpaid(3) }),
    );
    expect(quote.stop).toMatchObject({ afterRows: 2, refusal: { code: 'enrichment_limit_reached', id: 'en_1' } });
  });

  it('R2, R14: rows take the grant that expires soonest first, across grants, until the balance runs out', () => {
    const soon = grant('soon', 'rollover', credits(1.5), { effectiveAt: ago(DAY), expiresAt: later(DAY) });
    const quote = quoteRun(input({ grants: [purchasedGrant, soon], price: credits(20), paidBy: unpaid(4) }));
    // 51.5 credits: two rows of 20, the second spanning the rollover grant and the purchase; the third does not fit.
    expect(quote.outcomes).toEqual(['charge', 'charge', 'not_reached', 'not_reached']);
    expect(quote.balanceAfter).toBe(credits(11.5));
    expect(quote.stop?.refusal).toEqual({
      outcome: 'refused',
      code: 'insufficient_credits',
      scope: 'workspace',
      id: null,
      limit: credits(11.5),
      spent: 0,
      remaining: credits(11.5),
    });
  });

  it("R9: other runs' reservations are not the run's to spend", () => {
    const quote = quoteRun(input({ reservedByOtherRuns: credits(148), paidBy: unpaid(3) }));
    expect(quote).toMatchObject({ balance: credits(2), balanceAfter: 0, chargedRows: 2 });
    expect(quote.stop).toMatchObject({ afterRows: 2, refusal: { code: 'insufficient_credits' } });
  });

  it('a free action charges every row at 0 credits and takes nothing from the grants', () => {
    const quote = quoteRun(input({ price: 0, grants: [], paidBy: unpaid(2) }));
    expect(quote).toMatchObject({ outcomes: ['charge', 'charge'], credits: 0, stop: null });
  });

  it('a quote of no rows is empty', () => {
    expect(quoteRun(input({ paidBy: [] }))).toMatchObject({ outcomes: [], credits: 0, stop: null, notReachedRows: 0 });
  });
});

describe('R23 properties over generated runs', () => {
  /** Enough runs that a run bound by any one of its limits comes up every time. */
  const runs = { numRuns: 400 };
  const grantArb = fc.record({
    source: fc.constantFrom<GrantState['source']>('plan', 'rollover', 'purchased'),
    remaining: fc.integer({ min: 0, max: credits(80) }),
    effectiveDays: fc.integer({ min: -30, max: 1 }),
    expiryDays: fc.option(fc.integer({ min: -1, max: 30 }), { nil: null }),
  });
  /** A spend and what it may reach: mostly some room left, sometimes none, sometimes spent past it already. */
  const spendArb = fc
    .integer({ min: 0, max: credits(60) })
    .chain((ceiling) => fc.tuple(fc.constant(ceiling), fc.integer({ min: 0, max: ceiling + credits(2) })));
  const limitArb = (id: string) =>
    fc.option(
      fc.record({
        id: fc.constant(id),
        enabled: fc.constantFrom(true, true, true, false),
        ceiling: fc.option(spendArb, { nil: null, freq: 6 }),
        otherSpend: fc.integer({ min: 0, max: credits(30) }),
      }),
      { nil: null, freq: 3 },
    );
  const runArb = fc.option(
    fc.record({
      spend: spendArb,
      status: fc.constantFrom<RunState['status']>('running', 'running', 'running', 'running', 'completed'),
    }),
    { nil: null, freq: 3 },
  );
  const inputArb: fc.Arbitrary<RunQuoteInput> = fc
    .record({
      price: fc.oneof(
        { weight: 1, arbitrary: fc.constant(0) },
        { weight: 6, arbitrary: fc.integer({ min: 1, max: credits(6) }) },
      ),
      ownKey: fc.constantFrom(false, false, false, false, true),
      paidBy: fc.array(fc.option(fc.constant('chg_paid'), { nil: null, freq: 3 }), { maxLength: 60 }),
      trigger: fc.constantFrom<ChargeTrigger>('run', 'run', 'rerun', 'auto_update'),
      run: runArb,
      enrichmentLimit: limitArb('en_1'),
      workbookLimit: limitArb('wb_1'),
      grants: fc.array(grantArb, { minLength: 1, maxLength: 5 }),
      reservedByOtherRuns: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: credits(40) })),
    })
    .map(({ grants, run, enrichmentLimit, workbookLimit, ...rest }) => {
      const toLimit = (drawn: typeof workbookLimit): LimitState | null =>
        drawn && {
          id: drawn.id,
          enabled: drawn.enabled,
          limit: drawn.ceiling?.[0] ?? null,
          spent: drawn.ceiling?.[1] ?? drawn.otherSpend,
        };
      return {
        ...rest,
        now,
        run: run && { id: 'run_1', budget: run.spend[0], spent: run.spend[1], status: run.status },
        enrichmentLimit: toLimit(enrichmentLimit),
        workbookLimit: toLimit(workbookLimit),
        grants: grants.map((g, index) =>
          grant(`g${index}`, g.source, g.remaining, {
            effectiveAt: new Date(now.getTime() + g.effectiveDays * DAY),
            expiresAt: g.expiryDays === null ? null : new Date(now.getTime() + g.expiryDays * DAY),
          }),
        ),
      };
    });

  it('every row has one outcome, the counts add up, and the credits are the price of each charged row', () => {
    fc.assert(
      fc.property(inputArb, (run) => {
        const quote = quoteRun(run);
        const count = (outcome: string) => quote.outcomes.filter((found) => found === outcome).length;
        expect(quote.outcomes).toHaveLength(run.paidBy.length);
        expect([quote.chargedRows, quote.alreadyPaidRows, quote.ownKeyRows, quote.notReachedRows]).toEqual([
          count('charge'),
          count('already_paid'),
          count('own_key'),
          count('not_reached'),
        ]);
        expect(quote.credits).toBe(quote.chargedRows * run.price);
        expect(quote.balance - quote.balanceAfter).toBe(quote.credits);
        expect(quote.notReachedRows).toBe(quote.stop ? run.paidBy.length - quote.stop.afterRows : 0);
      }),
      runs,
    );
  });

  it('a quote of the first rows is the start of the quote of them all, and the stop is the first refusal', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), (run, cut) => {
        const whole = quoteRun(run);
        const rows = cut % (run.paidBy.length + 1);
        const start = quoteRun({ ...run, paidBy: run.paidBy.slice(0, rows) });
        const reached = whole.stop ? Math.min(rows, whole.stop.afterRows) : rows;
        expect(start.outcomes.slice(0, reached)).toEqual(whole.outcomes.slice(0, reached));
        if (whole.stop && rows > whole.stop.afterRows) expect(start.stop).toEqual(whole.stop);
        if (!whole.stop || rows <= whole.stop.afterRows) expect(start.stop).toBeNull();
      }),
      runs,
    );
  });

  it('never takes a limit, the run budget or the balance past what it allows', () => {
    fc.assert(
      fc.property(inputArb, (run) => {
        const quote = quoteRun(run);
        const taken = quote.credits;
        if (taken === 0) return;
        for (const scope of [run.workbookLimit, run.enrichmentLimit]) {
          if (scope?.enabled && scope.limit !== null) expect(scope.spent + taken).toBeLessThanOrEqual(scope.limit);
        }
        if (run.run) {
          expect(run.run.status).toBe('running');
          expect(run.run.spent + taken).toBeLessThanOrEqual(run.run.budget);
        }
        expect(taken).toBeLessThanOrEqual(quote.balance);
      }),
      runs,
    );
  });

  it('stops only where the next row does not fit, with the numbers as the rows before left them', () => {
    fc.assert(
      fc.property(inputArb, (run) => {
        const quote = quoteRun(run);
        if (!quote.stop) return;
        const { refusal } = quote.stop;
        const spentBefore = { workbook: run.workbookLimit?.spent, enrichment: run.enrichmentLimit?.spent };
        if (refusal.scope === 'workspace') {
          expect(refusal.remaining).toBe(quote.balanceAfter);
          expect(run.price).toBeGreaterThan(refusal.remaining);
        } else if (refusal.code === 'run_completed') {
          expect(run.run?.status).toBe('completed');
        } else {
          const before = refusal.scope === 'run' ? run.run?.spent : spentBefore[refusal.scope];
          expect(refusal.spent).toBe((before ?? 0) + quote.credits);
          expect(refusal.spent + run.price).toBeGreaterThan(refusal.limit);
        }
      }),
      runs,
    );
  });

  it('R10, R13, R24: rows paid under a run are already paid, the rest free by own key, and own key never stops', () => {
    fc.assert(
      fc.property(inputArb, (run) => {
        const quote = quoteRun(run);
        quote.outcomes.forEach((outcome, row) => {
          if (outcome === 'not_reached') return;
          const paid = run.paidBy[row] !== null && run.trigger === 'run';
          expect(outcome === 'already_paid').toBe(paid);
          if (!paid) expect(outcome === 'own_key').toBe(run.ownKey);
        });
        if (run.ownKey) expect(quote.stop).toBeNull();
      }),
      runs,
    );
  });
});
