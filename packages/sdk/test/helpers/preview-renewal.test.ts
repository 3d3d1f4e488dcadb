import { describe, expect, it } from 'vitest';
import { previewRenewal } from '../../src/helpers/preview-renewal';
import type { Plan } from '../../src/schemas/plans';

function plan(id: string, credits: number, tier: number, rollover: Plan['rollover'], interval = 'month'): Plan {
  return { id, name: id, interval, periodDays: null, credits, tier, rollover, thenPlanId: null };
}

const cap2 = { policy: 'balance_cap', value: 2 };
const percent15 = { policy: 'unused_percent', value: 15 };
const upTo100 = { policy: 'fixed_max', value: 100 };
const free = plan('free', 100, 0, upTo100);
const trial = { ...plan('trial', 1000, 0, upTo100, 'trial'), periodDays: 14, thenPlanId: 'free' };
const starterMonthly = plan('starter-monthly', 2000, 1, cap2);
const proMonthly = plan('pro-monthly', 50_000, 3, cap2);
const starterAnnual = plan('starter-annual', 24_000, 1, percent15, 'year');
const explorerAnnual = plan('explorer-annual', 120_000, 2, percent15, 'year');
const proAnnual = plan('pro-annual', 600_000, 3, percent15, 'year');

describe('previewRenewal', () => {
  it('R3: a 50,000-credit monthly plan never holds more than 100,000 after renewals', () => {
    let bySource = { plan: 50_000, rollover: 0, purchased: 0 };
    const held: number[] = [];
    for (let renewal = 0; renewal < 6; renewal++) {
      const preview = previewRenewal({ plan: proMonthly, bySource });
      bySource = { plan: preview.newAllowance, rollover: preview.kept, purchased: preview.purchased };
      held.push(bySource.plan + bySource.rollover);
    }
    expect(held).toEqual([100_000, 100_000, 100_000, 100_000, 100_000, 100_000]);
  });

  it('R3: what exceeds the cap is forfeited', () => {
    expect(previewRenewal({ plan: proMonthly, bySource: { plan: 50_000, rollover: 80_000, purchased: 7 } })).toEqual({
      kept: 50_000,
      forfeited: 80_000,
      purchased: 7,
      granted: 0,
      grantedExpiring: 0,
      newAllowance: 50_000,
      balanceAfter: 100_007,
    });
    expect(
      previewRenewal({ plan: proMonthly, bySource: { plan: 12_345.678, rollover: 0, purchased: 0 } }),
    ).toMatchObject({ kept: 12_345.678, forfeited: 0, balanceAfter: 62_345.678 });
  });

  it('R7: credits of a renewal still processing count as unused, as they will be by the period end', () => {
    // Just renewed into a 2,000-credit period, the allowance not yet effective; 300 rollover are spendable.
    const bySource = { plan: 0, rollover: 300, purchased: 0 };
    expect(previewRenewal({ plan: starterMonthly, bySource, pending: 2000 })).toEqual({
      kept: 2000,
      forfeited: 300,
      purchased: 0,
      granted: 0,
      grantedExpiring: 0,
      newAllowance: 2000,
      balanceAfter: 4000,
    });
    expect(previewRenewal({ plan: starterMonthly, bySource })).toMatchObject({ kept: 300, forfeited: 0 });
  });

  it('R4: 15% of unused rolls on same or higher tier, nothing on a lower tier', () => {
    const bySource = { plan: 100_000, rollover: 0, purchased: 0 };
    expect(previewRenewal({ plan: proAnnual, bySource })).toEqual({
      kept: 15_000,
      forfeited: 85_000,
      purchased: 0,
      granted: 0,
      grantedExpiring: 0,
      newAllowance: 600_000,
      balanceAfter: 615_000,
    });
    expect(previewRenewal({ plan: explorerAnnual, bySource, nextPlan: proAnnual })).toMatchObject({ kept: 15_000 });
    expect(previewRenewal({ plan: proAnnual, bySource, nextPlan: starterAnnual })).toEqual({
      kept: 0,
      forfeited: 100_000,
      purchased: 0,
      granted: 0,
      grantedExpiring: 0,
      newAllowance: 24_000,
      balanceAfter: 24_000,
    });
  });

  it('R4: unused counts earlier rollover too, and the share rounds down to a thousandth', () => {
    expect(
      previewRenewal({ plan: proAnnual, bySource: { plan: 80_000, rollover: 20_000, purchased: 0 } }),
    ).toMatchObject({ kept: 15_000, forfeited: 85_000 });
    // 15% of 333.333 is 49.99995.
    expect(previewRenewal({ plan: proAnnual, bySource: { plan: 333.333, rollover: 0, purchased: 0 } })).toMatchObject({
      kept: 49.999,
      forfeited: 283.334,
    });
  });

  it('R5: at most 100 credits roll over from a trial or free', () => {
    expect(previewRenewal({ plan: trial, bySource: { plan: 600, rollover: 0, purchased: 0 }, nextPlan: free })).toEqual(
      {
        kept: 100,
        forfeited: 500,
        purchased: 0,
        granted: 0,
        grantedExpiring: 0,
        newAllowance: 100,
        balanceAfter: 200,
      },
    );
    expect(previewRenewal({ plan: free, bySource: { plan: 40, rollover: 30, purchased: 0 } })).toMatchObject({
      kept: 70,
      forfeited: 0,
      balanceAfter: 170,
    });
    expect(previewRenewal({ plan: free, bySource: { plan: 100, rollover: 100, purchased: 0 } })).toMatchObject({
      kept: 100,
      forfeited: 100,
    });
  });

  it('R5: a trial that ends in a paid plan still rolls at most 100 credits', () => {
    const preview = previewRenewal({
      plan: trial,
      nextPlan: proMonthly,
      bySource: { plan: 1000, rollover: 0, purchased: 0 },
    });
    expect(preview).toMatchObject({ kept: 100, forfeited: 900, newAllowance: 50_000 });
  });

  it('R4: an annual plan moving to a lower-tier monthly plan rolls nothing', () => {
    const preview = previewRenewal({
      plan: proAnnual,
      nextPlan: starterMonthly,
      bySource: { plan: 10_000, rollover: 0, purchased: 0 },
    });
    expect(preview).toMatchObject({ kept: 0, forfeited: 10_000 });
  });

  it("R6: a downgrade at period end reduces to the new plan's rollover limit", () => {
    const bySource = { plan: 50_000, rollover: 80_000, purchased: 0 };
    expect(previewRenewal({ plan: proMonthly, bySource, nextPlan: starterMonthly })).toEqual({
      kept: 2000,
      forfeited: 128_000,
      purchased: 0,
      granted: 0,
      grantedExpiring: 0,
      newAllowance: 2000,
      balanceAfter: 4000,
    });
    // Cancelling is a change to free.
    expect(previewRenewal({ plan: proMonthly, bySource, nextPlan: free })).toMatchObject({
      kept: 100,
      forfeited: 129_900,
      balanceAfter: 200,
    });
    // An upgrade from monthly to annual applies the annual rule.
    expect(
      previewRenewal({
        plan: starterMonthly,
        bySource: { plan: 1000, rollover: 0, purchased: 0 },
        nextPlan: proAnnual,
      }),
    ).toMatchObject({ kept: 150, newAllowance: 600_000 });
  });

  it('purchased credits are outside the cap and never forfeited', () => {
    const bySource = { plan: 50_000, rollover: 80_000, purchased: 250_000.5 };
    for (const [current, next] of [
      [proMonthly, proMonthly],
      [proMonthly, free],
      [proAnnual, starterAnnual],
      [trial, free],
    ] as const) {
      const preview = previewRenewal({ plan: current, bySource, nextPlan: next });
      expect(preview.purchased).toBe(250_000.5);
      expect(preview.kept + preview.forfeited).toBe(130_000);
      expect(preview.balanceAfter).toBe(preview.kept + preview.newAllowance + 250_000.5);
    }
  });

  it('keeps nothing under a rollover policy this SDK does not know', () => {
    const unknown = plan('custom', 5000, 2, { policy: 'something_new', value: 1000 });
    expect(previewRenewal({ plan: unknown, bySource: { plan: 3000, rollover: 0, purchased: 10 } })).toEqual({
      kept: 0,
      forfeited: 3000,
      purchased: 10,
      granted: 0,
      grantedExpiring: 0,
      newAllowance: 5000,
      balanceAfter: 5010,
    });
  });

  it('R28: granted credits outlast the renewal, less those whose own expiry comes first', () => {
    const bySource = { plan: 1_000, rollover: 0, purchased: 0, granted: 300.5 };
    expect(previewRenewal({ plan: starterMonthly, bySource, grantedExpiring: 120.25 })).toMatchObject({
      granted: 180.25,
      grantedExpiring: 120.25,
      balanceAfter: 1_000 + 2_000 + 180.25,
    });
  });
});
