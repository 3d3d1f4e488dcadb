import type { AlertReading, AlertThreshold } from '@creditkit/rules';
import { alertReached, crossAlert } from '@creditkit/rules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { credits } from './fixtures';
import { testTimeoutMs } from './support/timeouts';

const runs = { numRuns: 500 };
const balance = (spendable: number, allowance = credits(2000)): AlertReading => ({
  kind: 'balance',
  spendable,
  allowance,
});
const spend = (spent: number, limit: number | null): AlertReading => ({ kind: 'spend', spent, limit });

/** Feeds readings to an alert that starts armed, as the server does; returns how many times it fired. */
function firesOver(reached: readonly boolean[]): { fires: number; armed: boolean } {
  let armed = true;
  let fires = 0;
  for (const value of reached) {
    const step = crossAlert(armed, value);
    if (step.fire) fires += 1;
    armed = step.armed;
  }
  return { fires, armed };
}

/** How many times the value went past the threshold: the first reading counts when it starts past it. */
function downwardCrossings(reached: readonly boolean[]): number {
  return reached.filter((value, index) => value && (index === 0 || !reached[index - 1])).length;
}

const thresholdArb: fc.Arbitrary<AlertThreshold> = fc.oneof(
  fc.record({ unit: fc.constant('credits' as const), value: fc.integer({ min: 0, max: credits(3000) }) }),
  fc.record({ unit: fc.constant('percent' as const), value: fc.integer({ min: 1, max: 100 }) }),
);

describe('R25 alert thresholds', () => {
  it('R25: the balance is past a credits threshold at or below it, a percentage of the allowance likewise', () => {
    const at500 = { unit: 'credits', value: credits(500) } as const;
    expect(alertReached(balance(credits(500.001)), at500)).toBe(false);
    expect(alertReached(balance(credits(500)), at500)).toBe(true);
    expect(alertReached(balance(0), { unit: 'credits', value: 0 })).toBe(true);
    const tenPercent = { unit: 'percent', value: 10 } as const;
    expect(alertReached(balance(credits(200.001)), tenPercent)).toBe(false);
    expect(alertReached(balance(credits(200)), tenPercent)).toBe(true);
  });

  it('R25: a spend is past a percentage once it has used that much of its limit; no limit, never', () => {
    const eighty = { unit: 'percent', value: 80 } as const;
    expect(alertReached(spend(credits(79.999), credits(100)), eighty)).toBe(false);
    expect(alertReached(spend(credits(80), credits(100)), eighty)).toBe(true);
    expect(alertReached(spend(credits(500), null), eighty)).toBe(false);
    expect(alertReached(spend(0, 0), { unit: 'percent', value: 100 })).toBe(true);
  });

  it('R25: compares totals past 2^53 / 100 exactly', () => {
    // 10^15 thousandths (the largest total) × 100 is not exact in a double; one thousandth must still count.
    const limit = 10 ** 15;
    expect(alertReached(spend(limit / 2 - 1, limit), { unit: 'percent', value: 50 })).toBe(false);
    expect(alertReached(spend(limit / 2, limit), { unit: 'percent', value: 50 })).toBe(true);
    // 100 × 989,999,999,999,999 is 1 short of 99 × 999,999,999,999,999; as doubles both are 98999999999999904.
    expect(alertReached(spend(989_999_999_999_999, 999_999_999_999_999), { unit: 'percent', value: 99 })).toBe(false);
    expect(alertReached(spend(990_000_000_000_000, 999_999_999_999_999), { unit: 'percent', value: 99 })).toBe(true);
  });

  it(
    'R25: over any sequence of values an alert fires once per crossing and re-arms on the way back',
    () => {
      fc.assert(
        fc.property(
          thresholdArb,
          fc.array(fc.integer({ min: 0, max: credits(3000) }), { maxLength: 60 }),
          (threshold, values) => {
            const reached = values.map((value) => alertReached(balance(value), threshold));
            const { fires, armed } = firesOver(reached);
            expect(fires).toBe(downwardCrossings(reached));
            expect(armed).toBe(!(reached.at(-1) ?? false));
          },
        ),
        runs,
      );
    },
    testTimeoutMs,
  );

  it(
    'R25: a group of charges read once at its end fires exactly as reading after each charge would',
    () => {
      // Each group only spends (the balance falls, a spend rises); between groups anything may happen.
      const groupArb = fc.record({
        start: fc.integer({ min: 0, max: credits(3000) }),
        charges: fc.array(fc.integer({ min: 0, max: credits(300) }), { maxLength: 20 }),
      });
      fc.assert(
        fc.property(thresholdArb, fc.array(groupArb, { maxLength: 12 }), (threshold, groups) => {
          const afterEach: boolean[] = [];
          const atGroupEnds: boolean[] = [];
          for (const group of groups) {
            let value = group.start;
            afterEach.push(alertReached(balance(value), threshold));
            for (const charge of group.charges) {
              value = Math.max(0, value - charge);
              afterEach.push(alertReached(balance(value), threshold));
            }
            atGroupEnds.push(alertReached(balance(group.start), threshold), alertReached(balance(value), threshold));
          }
          expect(firesOver(atGroupEnds)).toEqual(firesOver(afterEach));
        }),
        runs,
      );
    },
    testTimeoutMs,
  );
});
