import { describe, expect, it } from 'vitest';
import { chartScale } from './chart-scale';

describe('chartScale', () => {
  it('picks round steps from 0 to the first tick at or above the highest amount', () => {
    expect(chartScale(12)).toEqual({ ticks: [0, 5, 10, 15], top: 15 });
    expect(chartScale(100)).toEqual({ ticks: [0, 25, 50, 75, 100], top: 100 });
    expect(chartScale(0.3)).toEqual({ ticks: [0, 0.1, 0.2, 0.3], top: 0.3 });
    expect(chartScale(48_213)).toEqual({ ticks: [0, 20_000, 40_000, 60_000], top: 60_000 });
  });

  it('gives an empty chart an axis from 0 to 1', () => {
    expect(chartScale(0)).toEqual({ ticks: [0, 1], top: 1 });
  });

  it('always covers the highest amount with at most 4 evenly spaced round steps', () => {
    // A sweep of amounts from a thousandth to a trillion, 17 per power of ten.
    for (let exponent = -3; exponent <= 12; exponent++) {
      for (let mantissa = 1; mantissa < 10; mantissa += 0.5) {
        const highest = Number((mantissa * 10 ** exponent).toPrecision(6));
        const { ticks, top } = chartScale(highest);
        expect(top, String(highest)).toBeGreaterThanOrEqual(highest);
        expect(ticks.length - 1, String(highest)).toBeLessThanOrEqual(4);
        expect(ticks[0]).toBe(0);
        const step = ticks[1] as number;
        const leading = Number((step / 10 ** Math.floor(Math.log10(step))).toPrecision(6));
        expect([1, 2, 2.5, 5], String(highest)).toContain(leading);
      }
    }
  });
});
