import * as z from 'zod/mini';
import { count, credits, openEnum, page, resourceId, timestamp } from './primitives';

/**
 * How unused credits carry into the next period (R3–R5):
 * - `balance_cap`: plan + rollover after renewal is at most `value` × the allowance (monthly plans);
 * - `unused_percent`: `value` % of unused plan credits roll over, on the same or a higher tier (annual plans);
 * - `fixed_max`: at most `value` credits roll over (trial and free).
 */
export const rolloverRule = z.object({
  policy: openEnum(['balance_cap', 'unused_percent', 'fixed_max']),
  value: z.number(),
});
export type RolloverRule = z.infer<typeof rolloverRule>;

export const plan = z.object({
  id: z.string(),
  name: z.string(),
  interval: openEnum(['month', 'year', 'trial']),
  /** Length of a period in days when it is not a calendar month or year (the 14-day trial). */
  periodDays: z.nullable(count),
  credits: credits,
  tier: count,
  rollover: rolloverRule,
  /** The plan a workspace moves to when this one ends by itself (a trial becomes `free`). */
  thenPlanId: z.nullable(z.string()),
});
export type Plan = z.infer<typeof plan>;
export const planPage = page(plan);

/** The workspace's current plan and a change scheduled for the end of the period (R6). */
export const currentPlan = z.object({
  plan: plan,
  periodStart: timestamp,
  periodEnd: timestamp,
  scheduledChange: z.nullable(z.object({ planId: z.string(), effectiveAt: timestamp })),
});
export type CurrentPlan = z.infer<typeof currentPlan>;

/** Change plan at the end of the period; cancelling is a change to `free`. */
export const planChangeParams = z.object({ planId: resourceId });
export type PlanChangeParams = z.infer<typeof planChangeParams>;
