import type { AutoTopUpSettings, AutoTopUpStep } from '@creditkit/rules';
import { crossTopUpThreshold, topUpCapMonth } from '@creditkit/rules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { credits } from './fixtures';
import { testTimeoutMs } from './support/timeouts';

const runs = { numRuns: 500 };
const plenty = credits(1_000_000);
const settings = (threshold: number, amount: number, monthlyCap: number): AutoTopUpSettings => ({
  threshold: credits(threshold),
  credits: credits(amount),
  monthlyCap: credits(monthlyCap),
});

/** A change to the balance (negative: a charge or a reservation; positive: a refund, a purchase) or a new month. */
type Change = { kind: 'balance'; by: number } | { kind: 'month' };

interface Simulated {
  steps: AutoTopUpStep[];
  /** The balance each change left, before its top-up. */
  readings: number[];
  /** Top-ups per month. */
  toppedUpByMonth: number[];
  final: number;
}

/** Runs the server's loop: after each change, one decision on the balance it left, under the same lock. */
function simulate(start: number, rule: AutoTopUpSettings, changes: readonly Change[], room = plenty): Simulated {
  let balance = start;
  let armed = true;
  const toppedUpByMonth = [0];
  const steps: AutoTopUpStep[] = [];
  const readings: number[] = [];
  for (const change of changes) {
    if (change.kind === 'month') {
      toppedUpByMonth.push(0);
      continue;
    }
    balance = Math.max(0, balance + change.by);
    readings.push(balance);
    const month = toppedUpByMonth.length - 1;
    const step = crossTopUpThreshold(armed, rule, {
      spendable: balance,
      toppedUpThisMonth: toppedUpByMonth[month] as number,
      room,
    });
    if (step.action === 'top_up') {
      balance += rule.credits;
      toppedUpByMonth[month] = (toppedUpByMonth[month] as number) + rule.credits;
    }
    armed = step.armed;
    steps.push(step);
  }
  return { steps, readings, toppedUpByMonth, final: balance };
}

const ruleArb = fc
  .record({
    threshold: fc.integer({ min: 0, max: credits(500) }),
    amount: fc.integer({ min: 1, max: credits(400) }),
    capTimes: fc.integer({ min: 1, max: 5 }),
    capExtra: fc.integer({ min: 0, max: credits(300) }),
  })
  .map(({ threshold, amount, capTimes, capExtra }) => ({
    threshold,
    credits: amount,
    monthlyCap: amount * capTimes + capExtra,
  }));
const changeArb: fc.Arbitrary<Change> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.integer({ min: -credits(300), max: credits(200) }).map((by) => ({ kind: 'balance' as const, by })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'month' as const }) },
);

describe('R27 auto top-up', () => {
  it('R27: tops up once when the balance falls below the threshold; at the threshold is not below', () => {
    const rule = settings(100, 500, 2000);
    const reading = (spendable: number) => ({ spendable: credits(spendable), toppedUpThisMonth: 0, room: plenty });
    expect(crossTopUpThreshold(true, rule, reading(100))).toEqual({ action: 'none', armed: true });
    expect(crossTopUpThreshold(true, rule, reading(99.999))).toEqual({ action: 'top_up', armed: true });
    // A top-up too small to bring the balance back stays disarmed: the balance that stays below is topped up once.
    expect(crossTopUpThreshold(true, settings(100, 50, 2000), reading(10))).toEqual({ action: 'top_up', armed: false });
    expect(crossTopUpThreshold(false, rule, reading(10))).toEqual({ action: 'none', armed: false });
    expect(crossTopUpThreshold(false, rule, reading(100))).toEqual({ action: 'none', armed: true });
  });

  it('R27: a top-up that would pass the monthly cap or the holding limit is not made, and says why', () => {
    const rule = settings(100, 500, 1200);
    expect(crossTopUpThreshold(true, rule, { spendable: 0, toppedUpThisMonth: credits(700), room: plenty })).toEqual({
      action: 'top_up',
      armed: true,
    });
    expect(
      crossTopUpThreshold(true, rule, { spendable: 0, toppedUpThisMonth: credits(700.001), room: plenty }),
    ).toEqual({ action: 'capped', reason: 'monthly_cap', armed: false });
    expect(crossTopUpThreshold(true, rule, { spendable: 0, toppedUpThisMonth: 0, room: credits(499.999) })).toEqual({
      action: 'capped',
      reason: 'holding_limit',
      armed: false,
    });
  });

  it(
    'R27: over any sequence of changes, one act (a top-up or capped) per fall below the threshold, and only then',
    () => {
      fc.assert(
        fc.property(
          ruleArb,
          fc.integer({ min: 0, max: credits(1500) }),
          fc.array(changeArb, { maxLength: 60 }),
          (rule, start, changes) => {
            const { steps, readings } = simulate(start, rule, changes);
            // A fall below: the balance a change left is below, and what stood before it (after any top-up) was
            // not. A new setting starts armed, so its first reading counts as a fall when it is below.
            let before = start;
            let falls = 0;
            steps.forEach((step, index) => {
              const reading = readings[index] as number;
              const fell = reading < rule.threshold && (index === 0 || before >= rule.threshold);
              if (fell) falls += 1;
              expect(step.action !== 'none').toBe(fell);
              before = step.action === 'top_up' ? reading + rule.credits : reading;
            });
            expect(steps.filter((step) => step.action !== 'none')).toHaveLength(falls);
          },
        ),
        runs,
      );
    },
    testTimeoutMs,
  );

  it(
    "R27: a month's top-ups never pass its cap, and a capped act is one the cap (or the room) really refused",
    () => {
      fc.assert(
        fc.property(
          ruleArb,
          fc.integer({ min: 0, max: credits(1500) }),
          fc.array(changeArb, { maxLength: 80 }),
          fc.integer({ min: 0, max: credits(2000) }),
          (rule, start, changes, room) => {
            const { steps, toppedUpByMonth } = simulate(start, rule, changes, room);
            for (const total of toppedUpByMonth) expect(total).toBeLessThanOrEqual(rule.monthlyCap);
            for (const step of steps) {
              if (step.action === 'top_up') expect(rule.credits).toBeLessThanOrEqual(room);
              if (step.action === 'capped' && step.reason === 'holding_limit')
                expect(rule.credits).toBeGreaterThan(room);
            }
          },
        ),
        runs,
      );
    },
    testTimeoutMs,
  );

  it(
    'R27: a group of charges decided once at its end acts at most once, and exactly once when it falls below armed',
    () => {
      fc.assert(
        fc.property(
          ruleArb,
          fc.integer({ min: 0, max: credits(1500) }),
          fc.array(fc.integer({ min: 0, max: credits(300) }), { minLength: 1, maxLength: 64 }),
          (rule, start, charges) => {
            // The group charges what the balance allows, each decided against what the previous left.
            let balance = start;
            for (const charge of charges) if (charge <= balance) balance -= charge;
            const step = crossTopUpThreshold(true, rule, { spendable: balance, toppedUpThisMonth: 0, room: plenty });
            expect(step.action !== 'none').toBe(balance < rule.threshold);
          },
        ),
        runs,
      );
    },
    testTimeoutMs,
  );

  it('R27: the cap counts in the UTC calendar month, from its first instant to the next month', () => {
    expect(topUpCapMonth(new Date('2026-12-31T23:59:59.999Z'))).toEqual({
      start: new Date('2026-12-01T00:00:00Z'),
      end: new Date('2027-01-01T00:00:00Z'),
    });
    expect(topUpCapMonth(new Date('2027-02-01T00:00:00Z')).end).toEqual(new Date('2027-03-01T00:00:00Z'));
  });
});
