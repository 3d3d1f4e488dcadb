import type { GrantState } from '@creditkit/rules';
import {
  allocate,
  applyDebits,
  compareBurnOrder,
  expiredRemainders,
  spendableBalance,
  spendableGrants,
} from '@creditkit/rules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, credits, DAY, grant, HOUR, sumOf } from './fixtures';

const now = at('2025-03-10T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const later = (ms: number) => new Date(now.getTime() + ms);

describe('R1 balance', () => {
  const active = grant('plan', 'plan', credits(40), { effectiveAt: ago(DAY), expiresAt: later(20 * DAY) });
  const rollover = grant('roll', 'rollover', credits(7.5), { effectiveAt: ago(DAY), expiresAt: later(20 * DAY) });
  const purchased = grant('buy', 'purchased', credits(100), { effectiveAt: ago(3 * DAY), expiresAt: null });
  const pending = grant('next', 'plan', credits(500), { effectiveAt: later(HOUR), expiresAt: later(31 * DAY) });
  const expired = grant('old', 'plan', credits(9), { effectiveAt: ago(40 * DAY), expiresAt: ago(DAY) });
  const empty = grant('used', 'purchased', 0, { effectiveAt: ago(DAY), expiresAt: null });

  it('R1: the spendable balance is the sum of what is left in active plan, rollover and purchased grants', () => {
    const grants = [active, rollover, purchased];
    expect(spendableGrants(grants, now).map((g) => g.id)).toEqual(['plan', 'roll', 'buy']);
    expect(spendableBalance(grants, 0, now)).toBe(credits(147.5));
  });

  it('R1: a pending grant (not yet effective) is not spendable until its effective time', () => {
    expect(spendableGrants([active, pending], now).map((g) => g.id)).toEqual(['plan']);
    expect(spendableBalance([active, pending], 0, now)).toBe(credits(40));
    expect(spendableGrants([pending], later(HOUR)).map((g) => g.id)).toEqual(['next']);
    expect(spendableBalance([pending], 0, later(HOUR))).toBe(credits(500));
  });

  it('R1: expired grants and emptied grants are not part of the balance', () => {
    expect(spendableGrants([expired, empty, active], now).map((g) => g.id)).toEqual(['plan']);
    expect(spendableBalance([expired, empty], 0, now)).toBe(0);
    // A grant is spendable up to, not at, its expiry.
    expect(spendableGrants([active], later(20 * DAY - 1)).map((g) => g.id)).toEqual(['plan']);
    expect(spendableGrants([active], later(20 * DAY))).toEqual([]);
  });

  it('R1: allocate never draws on a pending or expired grant', () => {
    const debits = allocate([pending, expired, purchased], credits(30), now);
    expect(debits).toEqual([{ grantId: 'buy', amount: credits(30) }]);
    expect(() => allocate([pending, expired], credits(1), now)).toThrow(RangeError);
  });
});

describe('R2 burn order', () => {
  const purchasedOld = grant('buy-old', 'purchased', credits(10), { effectiveAt: ago(90 * DAY), expiresAt: null });
  const purchasedNew = grant('buy-new', 'purchased', credits(10), { effectiveAt: ago(DAY), expiresAt: null });
  const plan = grant('plan', 'plan', credits(10), { effectiveAt: ago(5 * DAY), expiresAt: later(25 * DAY) });
  const rollover = grant('roll', 'rollover', credits(10), { effectiveAt: ago(5 * DAY), expiresAt: later(5 * DAY) });
  const tieNewer = grant('tie-b', 'plan', credits(10), {
    effectiveAt: ago(2 * DAY),
    expiresAt: later(25 * DAY),
    createdAt: ago(2 * DAY),
  });

  it('R2: a charge takes from the grant that expires soonest, purchases last, ties oldest first', () => {
    const shuffled = [purchasedNew, tieNewer, purchasedOld, plan, rollover];
    expect([...shuffled].sort(compareBurnOrder).map((g) => g.id)).toEqual([
      'roll',
      'plan',
      'tie-b',
      'buy-old',
      'buy-new',
    ]);
  });

  it('R2: a tie on expiry and creation is broken by id so the order is total', () => {
    const a = grant('a', 'plan', 1, { effectiveAt: ago(DAY), expiresAt: later(DAY) });
    const b = grant('b', 'plan', 1, { effectiveAt: ago(DAY), expiresAt: later(DAY) });
    expect(compareBurnOrder(a, b)).toBeLessThan(0);
    expect(compareBurnOrder(b, a)).toBeGreaterThan(0);
    expect(compareBurnOrder(a, a)).toBe(0);
  });

  it('R2: a charge that spans grants records one debit per grant touched, in burn order', () => {
    const grants = [purchasedOld, plan, rollover];
    const debits = allocate(grants, credits(24.5), now);
    expect(debits).toEqual([
      { grantId: 'roll', amount: credits(10) },
      { grantId: 'plan', amount: credits(10) },
      { grantId: 'buy-old', amount: credits(4.5) },
    ]);
    // The balance after each row is the running balance, ending at the workspace balance after the charge.
    let balance = spendableBalance(grants, 0, now);
    const balancesAfter = debits.map((debit) => (balance -= debit.amount));
    expect(balancesAfter).toEqual([credits(20), credits(10), credits(5.5)]);
    expect(spendableBalance(applyDebits(grants, debits), 0, now)).toBe(credits(5.5));
  });

  it('R2: a charge that fits in the first grant touches only that grant', () => {
    expect(allocate([purchasedOld, plan, rollover], credits(0.001), now)).toEqual([{ grantId: 'roll', amount: 1 }]);
    expect(allocate([purchasedOld, plan, rollover], 0, now)).toEqual([]);
  });

  it('R2: allocate refuses to cover more than the spendable grants hold', () => {
    expect(() => allocate([plan, rollover], credits(20.001), now)).toThrow(RangeError);
  });
});

describe('R2, R28 burn order with granted credits', () => {
  const expiry = later(10 * DAY);
  const plan = grant('plan', 'plan', credits(10), { effectiveAt: ago(5 * DAY), expiresAt: expiry });
  const promo = grant('promo', 'granted', credits(10), {
    effectiveAt: ago(DAY),
    expiresAt: expiry,
    priority: 5,
  });
  const goodwillSooner = grant('goodwill', 'granted', credits(10), {
    effectiveAt: ago(DAY),
    expiresAt: later(2 * DAY),
    priority: -100,
  });
  const compensationForever = grant('compensation', 'granted', credits(10), {
    effectiveAt: ago(DAY),
    expiresAt: null,
    priority: 100,
  });
  const purchased = grant('buy', 'purchased', credits(10), { effectiveAt: ago(90 * DAY), expiresAt: null });
  const lowPriorityLater = grant('low', 'granted', credits(10), {
    effectiveAt: ago(90 * DAY),
    expiresAt: expiry,
    priority: -1,
  });

  it('R2, R28: soonest expiry first whatever the priority; then higher priority; then oldest; never-expiring last', () => {
    const shuffled = [purchased, compensationForever, lowPriorityLater, plan, promo, goodwillSooner];
    expect([...shuffled].sort(compareBurnOrder).map((g) => g.id)).toEqual([
      'goodwill', // expires soonest, although its priority is the lowest
      'promo', // same expiry as the plan grant, higher priority
      'plan', // priority 0, younger than `low` but of higher priority
      'low',
      'compensation', // never expires, priority 100: before the purchase of priority 0
      'buy',
    ]);
  });

  it('R2, R28: a charge takes the granted credits in that order, one debit per grant', () => {
    expect(allocate([plan, promo, goodwillSooner, purchased], credits(25), now)).toEqual([
      { grantId: 'goodwill', amount: credits(10) },
      { grantId: 'promo', amount: credits(10) },
      { grantId: 'plan', amount: credits(5) },
    ]);
  });

  it('R28: an expired granted credit is not spendable, and its whole remainder expires once it is due', () => {
    const due = later(2 * DAY);
    expect(spendableGrants([goodwillSooner], due)).toEqual([]);
    expect(expiredRemainders([goodwillSooner, plan, purchased, compensationForever], due)).toEqual([
      { grantId: 'goodwill', amount: credits(10) },
    ]);
    // Not before its expiry; and nothing once emptied, so writing the row leaves nothing to expire again.
    expect(expiredRemainders([goodwillSooner], new Date(due.getTime() - 1))).toEqual([]);
    expect(expiredRemainders([{ ...goodwillSooner, remaining: 0 }], due)).toEqual([]);
  });

  it('R28: plan and rollover credits are left to their renewal, whatever their expiry (R3–R5)', () => {
    const pastPlan = grant('old-plan', 'plan', credits(3), { effectiveAt: ago(40 * DAY), expiresAt: ago(DAY) });
    expect(expiredRemainders([pastPlan], now)).toEqual([]);
  });
});

describe('R2 compareBurnOrder property', () => {
  const sources = ['plan', 'rollover', 'purchased', 'granted'] as const;
  const anyGrant = fc
    .record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      source: fc.constantFrom(...sources),
      expiryOffset: fc.option(fc.integer({ min: -3, max: 5 }), { nil: null }),
      priority: fc.integer({ min: -2, max: 2 }),
      createdOffset: fc.integer({ min: -3, max: 0 }),
    })
    .map(
      (row): GrantState => ({
        id: row.id,
        source: row.source,
        remaining: 1,
        effectiveAt: ago(100 * DAY),
        expiresAt: row.expiryOffset === null ? null : later(row.expiryOffset * DAY),
        priority: row.priority,
        createdAt: later(row.createdOffset * DAY),
      }),
    );
  const expiryOf = (g: GrantState) => g.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;

  it('R2: a total order: antisymmetric, transitive, 0 only for the same key', () => {
    fc.assert(
      fc.property(anyGrant, anyGrant, anyGrant, (a, b, c) => {
        expect(Math.sign(compareBurnOrder(a, b))).toBe(-Math.sign(compareBurnOrder(b, a)) || 0);
        if (compareBurnOrder(a, b) <= 0 && compareBurnOrder(b, c) <= 0) {
          expect(compareBurnOrder(a, c)).toBeLessThanOrEqual(0);
        }
        if (compareBurnOrder(a, b) === 0) expect(a.id).toBe(b.id);
      }),
      { numRuns: 2_000 },
    );
  });

  it('R2, R28: expiry decides first, then priority (higher first), then age (older first)', () => {
    fc.assert(
      fc.property(anyGrant, anyGrant, (a, b) => {
        const order = Math.sign(compareBurnOrder(a, b));
        if (expiryOf(a) !== expiryOf(b)) expect(order).toBe(expiryOf(a) < expiryOf(b) ? -1 : 1);
        else if (a.priority !== b.priority) expect(order).toBe(a.priority > b.priority ? -1 : 1);
        else if (a.createdAt.getTime() !== b.createdAt.getTime())
          expect(order).toBe(a.createdAt < b.createdAt ? -1 : 1);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('R2 allocate property', () => {
  const grantArb = fc.record({
    source: fc.constantFrom<GrantState['source']>('plan', 'rollover', 'purchased', 'granted'),
    remaining: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50_000 })),
    effectiveOffset: fc.integer({ min: -60, max: 3 }),
    expiryOffset: fc.option(fc.integer({ min: -3, max: 60 }), { nil: null }),
    priority: fc.integer({ min: -100, max: 100 }),
    createdOffset: fc.integer({ min: -90, max: 0 }),
  });

  const scenarioArb = fc
    .array(grantArb, { maxLength: 12 })
    .map((rows) =>
      rows.map(
        (row, index): GrantState => ({
          id: `g${String(index).padStart(2, '0')}`,
          source: row.source,
          remaining: row.remaining,
          effectiveAt: new Date(now.getTime() + row.effectiveOffset * HOUR),
          expiresAt:
            row.source === 'purchased' || row.expiryOffset === null
              ? null
              : new Date(now.getTime() + row.expiryOffset * DAY),
          priority: row.source === 'granted' ? row.priority : 0,
          createdAt: new Date(now.getTime() + row.createdOffset * DAY),
        }),
      ),
    )
    .chain((grants) => {
      const total = spendableBalance(grants, 0, now);
      return fc.tuple(fc.constant(grants), fc.integer({ min: 0, max: total }));
    });

  it('R2: debits sum to the amount, stay within each grant, touch only spendable grants, and follow burn order', () => {
    fc.assert(
      fc.property(scenarioArb, ([grants, amount]) => {
        const debits = allocate(grants, amount, now);
        const byId = new Map(grants.map((g) => [g.id, g]));
        const ordered = spendableGrants(grants, now).sort(compareBurnOrder);

        expect(sumOf(debits)).toBe(amount);
        expect(new Set(debits.map((debit) => debit.grantId)).size).toBe(debits.length);
        for (const debit of debits) {
          const source = byId.get(debit.grantId);
          expect(source).toBeDefined();
          if (!source) return;
          expect(spendableGrants([source], now)).toHaveLength(1);
          expect(debit.amount).toBeGreaterThan(0);
          expect(debit.amount).toBeLessThanOrEqual(source.remaining);
        }
        // The debits are a prefix of the burn order, and every grant before the last one touched is emptied.
        expect(debits.map((debit) => debit.grantId)).toEqual(ordered.slice(0, debits.length).map((g) => g.id));
        debits.slice(0, -1).forEach((debit, index) => {
          expect(debit.amount).toBe(ordered[index]?.remaining);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('R2: allocate throws for any amount above the spendable balance', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 1_000 }), ([grants], excess) => {
        const total = spendableBalance(grants, 0, now);
        expect(() => allocate(grants, total + excess, now)).toThrow(RangeError);
      }),
      { numRuns: 200 },
    );
  });
});
