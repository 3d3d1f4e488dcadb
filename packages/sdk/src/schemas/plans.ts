import * as z from 'zod/mini';
import { count, credits, openEnum, page, resourceId, timestamp } from './primitives';

/**
 * How unused credits carry into the next period (R3–R5):
 * - `balance_cap`: plan + rollover after renewal is at most `value` × the allowance (monthly plans);
 * - `unused_percent`: `value` % of unused plan credits roll over, on the same or a higher tier (annual plans);
 * - `fixed_max`: at most `value` credits roll over (trial and free).
 */
export const rolloverRule = z.object({
  /** Which rollover rule applies; see the list above. */
  policy: openEnum(['balance_cap', 'unused_percent', 'fixed_max']),
  /** The rule's number: a multiple of the allowance, a percentage, or a number of credits, by `policy`. */
  value: z.number(),
});
/** How a plan's unused credits carry into the next period (R3–R5). */
export type RolloverRule = z.infer<typeof rolloverRule>;

/** A plan of the catalogue: its allowance per period, its tier and its rollover rule. */
export const plan = z.object({
  /** The plan's id, part of the contract: `free`, `trial`, `starter-monthly`, `pro-annual`, ... */
  id: z.string(),
  /** The plan's display name, e.g. `Starter (monthly)`. */
  name: z.string(),
  /** How long a period lasts: a calendar `month` or `year`, or the `trial`'s fixed number of days. */
  interval: openEnum(['month', 'year', 'trial']),
  /** Length of a period in days when it is not a calendar month or year (the 14-day trial). */
  periodDays: z.nullable(count),
  /** The allowance: credits granted each period. */
  credits: credits,
  /** The plan's rank, 0 for free and trial up to 3 for pro; an annual plan rolls credits over only onto the same or a higher tier (R4). */
  tier: count,
  /** How unused credits carry into the next period (R3–R5). */
  rollover: rolloverRule,
  /** The plan a workspace moves to when this one ends by itself (a trial becomes `free`). */
  thenPlanId: z.nullable(z.string()),
});
/** A plan of the catalogue: allowance per period, tier and rollover rule. */
export type Plan = z.infer<typeof plan>;
/** One page of plans: the whole catalogue, so `nextCursor` is null. */
export const planPage = page(plan);

/** The workspace's current plan and a change scheduled for the end of the period (R6). */
export const currentPlan = z.object({
  /** The plan the workspace is on now. */
  plan: plan,
  /** When the current period started. */
  periodStart: timestamp,
  /** When the current period ends: the next renewal, and when a scheduled change takes effect. */
  periodEnd: timestamp,
  /** The plan change waiting for the end of the period (R6); null when none is scheduled. */
  scheduledChange: z.nullable(
    z.object({
      /** The plan the workspace moves to; `free` when it cancelled. */
      planId: z.string(),
      /** When the change takes effect: the end of the current period. */
      effectiveAt: timestamp,
    }),
  ),
});
/** The workspace's current plan, its period and any change scheduled for the period's end (R6). */
export type CurrentPlan = z.infer<typeof currentPlan>;

/** Change plan at the end of the period; cancelling is a change to `free`. */
export const planChangeParams = z.object({
  /** The catalogue id of the plan to move to (not `trial`); the current plan's id drops a scheduled change. */
  planId: resourceId,
});
/** The plan to move to at the end of the period (R6). */
export type PlanChangeParams = z.infer<typeof planChangeParams>;
