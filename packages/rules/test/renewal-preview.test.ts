import type { GrantState, RenewingPlan } from '@creditkit/rules';
import { planRenewal, previewRenewal } from '@creditkit/rules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, credits, DAY, plans } from './fixtures';

const nothing = { plan: 0, rollover: 0, purchased: 0, granted: 0, grantedExpiring: 0, pending: 0 };

describe('previewRenewal', () => {
  it('R3: what exceeds the cap is forfeited; purchases stay outside it', () => {
    const held = { ...nothing, plan: credits(50_000), rollover: credits(80_000), purchased: credits(7) };
    expect(previewRenewal(plans.proMonthly, plans.proMonthly, held)).toEqual({
      kept: credits(50_000),
      forfeited: credits(80_000),
      purchased: credits(7),
      granted: 0,
      grantedExpiring: 0,
      newAllowance: credits(50_000),
      balanceAfter: credits(100_007),
    });
  });

  it('R28: granted credits outlast the renewal unless their own expiry comes first', () => {
    const held = { ...nothing, plan: credits(1_000), granted: credits(300), grantedExpiring: credits(120) };
    expect(previewRenewal(plans.starterMonthly, plans.starterMonthly, held)).toMatchObject({
      granted: credits(180),
      grantedExpiring: credits(120),
      balanceAfter: credits(1_000) + credits(2_000) + credits(180),
    });
  });

  it('R7: credits of a renewal still processing count as unused, as they will be by the period end', () => {
    const held = { ...nothing, rollover: credits(300), pending: credits(2_000) };
    expect(previewRenewal(plans.starterMonthly, plans.starterMonthly, held)).toMatchObject({
      kept: credits(2_000),
      forfeited: credits(300),
      balanceAfter: credits(4_000),
    });
  });

  it('R5, R6: both plans’ rules hold at a change of plan', () => {
    const held = { ...nothing, plan: credits(1_000) };
    expect(previewRenewal(plans.trial, plans.proMonthly, held)).toMatchObject({ kept: credits(100) });
    expect(previewRenewal(plans.proAnnual, plans.starterMonthly, held)).toMatchObject({ kept: 0 });
  });

  it('keeps nothing under a rollover policy these rules do not know', () => {
    const custom: RenewingPlan = {
      credits: credits(5_000),
      tier: 2,
      rollover: { policy: 'something_new', value: 1_000 },
    };
    const held = { ...nothing, plan: credits(3_000), purchased: credits(10) };
    expect(previewRenewal(custom, custom, held)).toEqual({
      kept: 0,
      forfeited: credits(3_000),
      purchased: credits(10),
      granted: 0,
      grantedExpiring: 0,
      newAllowance: credits(5_000),
      balanceAfter: credits(5_010),
    });
  });

  it('R3–R7: keeps exactly what the renewal itself carries over, for every pair of plans', () => {
    const start = at('2025-01-01T12:00:00Z');
    const end = at('2025-02-01T12:00:00Z');
    const allPlans = Object.values(plans);
    const amount = fc.integer({ min: 0, max: credits(700_000) });
    fc.assert(
      fc.property(
        fc.constantFrom(...allPlans),
        fc.constantFrom(...allPlans),
        fc.record({ plan: amount, rollover: amount, purchased: amount, pending: amount, granted: amount }),
        (plan, nextPlan, generated) => {
          // Granted credits that outlast the period: a renewal leaves them where they are.
          const held = { ...generated, grantedExpiring: 0 };
          const grant = (id: string, source: GrantState['source'], remaining: number, effectiveAt: Date) => ({
            id,
            source,
            remaining,
            effectiveAt,
            expiresAt: source === 'purchased' ? null : end,
            priority: 0,
            createdAt: start,
          });
          const grants = [
            grant('plan', 'plan', held.plan, start),
            grant('rollover', 'rollover', held.rollover, start),
            grant('purchased', 'purchased', held.purchased, start),
            grant('pending', 'plan', held.pending, new Date(start.getTime() + DAY)),
            { ...grant('granted', 'granted', held.granted, start), expiresAt: null },
          ];
          const renewal = planRenewal({ now: end, plan, nextPlan, periodEnd: end, grants, delayMs: 0 });
          const preview = previewRenewal(plan, nextPlan, held);
          expect(preview.kept).toBe(renewal.rollover);
          expect(preview.newAllowance).toBe(renewal.allowance.amount);
          expect(preview.kept + preview.forfeited).toBe(held.plan + held.rollover + held.pending);
          const touched = [...renewal.forfeits, ...renewal.carried].map(({ grantId }) => grantId);
          expect(touched).not.toContain('granted');
          expect(preview.granted).toBe(held.granted);
        },
      ),
      { numRuns: 500 },
    );
  });
});
