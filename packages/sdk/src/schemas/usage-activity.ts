import * as z from 'zod/mini';
import { chargeTriggers } from './charges';
import { calendarDate, count, creditTotal, openEnum, page, pageParams, resourceId } from './primitives';

/**
 * The longest period one activity request covers, in days: every page of it sums the period's charges, so
 * the work per request stays bounded however long the workspace has been charging.
 */
export const MAX_ACTIVITY_DAYS = 92;

/**
 * Which activity to read (R24): a period of at most {@link MAX_ACTIVITY_DAYS} days, optionally one workbook,
 * one action or one trigger, a page at a time.
 */
export const usageActivityParams = z.extend(pageParams, {
  /** The first day, `YYYY-MM-DD` (UTC); 29 days before `to` when omitted. */
  from: z.optional(calendarDate),
  /** The last day, inclusive, `YYYY-MM-DD` (UTC); today when omitted. At most 92 days after `from`. */
  to: z.optional(calendarDate),
  /** Only this workbook's charges. */
  workbookId: z.optional(resourceId),
  /** Only this action's charges. */
  actionId: z.optional(resourceId),
  /** Only charges with this trigger: `run`, `rerun` or `auto_update`. */
  trigger: z.optional(z.enum(chargeTriggers)),
});
/** Which activity to read: the period, the filters and the page (R24). */
export type UsageActivityParams = z.infer<typeof usageActivityParams>;

/** Refunds of one activity row that gave the same reason (R15). */
export const usageActivityRefundReason = z.object({
  /** The refund's reason, as the host gave it when refunding (`no_data`, say). */
  reason: z.string(),
  /** Charges refunded with this reason. */
  refunds: count,
  /** Credits those refunds gave back. */
  refunded: creditTotal,
});
/** Refunds of one activity row that gave the same reason (R15). */
export type UsageActivityRefundReason = z.infer<typeof usageActivityRefundReason>;

/** The AI run an activity row's charges settled against (R9, R16). */
export const usageActivityRun = z.object({
  /** The run's id, as the host chose it. */
  id: z.string(),
  /** `running` while charges may still settle against the budget; `completed` once it ended. */
  status: openEnum(['running', 'completed']),
  /** True when the run was stopped midway: the requests already sent stayed charged (R16). */
  stopped: z.boolean(),
});
/** The AI run an activity row's charges settled against, and whether it was stopped midway (R16). */
export type UsageActivityRun = z.infer<typeof usageActivityRun>;

/**
 * What one action did in one workbook on one UTC day for one reason (R24): its charges, what became of them
 * and what they cost. Everything a sentence such as "Re-run of Find work email on 50 rows: 50 credits" or
 * "2 refunded: no data" needs, summed by the server.
 */
export const usageActivity = z.object({
  /** The UTC day the charges were made, `YYYY-MM-DD`; a refund counts on its charge's day. */
  day: calendarDate,
  /** The workbook the charges count towards; its name belongs to the host product. */
  workbookId: z.string(),
  /** The catalogue id of the action charged; its name is in `GET /v1/actions`. */
  actionId: z.string(),
  /** The AI model whose tokens priced the charges (R9); null for other actions. */
  model: z.nullable(z.string()),
  /** Why the charges happened: `run` (deduplicated, R13), `rerun` or `auto_update` (charged again). */
  trigger: openEnum(chargeTriggers),
  /** The AI run the charges settled against; null for charges outside a run. */
  run: z.nullable(usageActivityRun),
  /** Charges recorded: one per record and field asked for, deduplicated and own-key ones included. */
  charges: count,
  /** Of those, charged 0 because the record's field was already paid for (R13). */
  deduplicated: count,
  /** Of those, charged 0 because the workspace's own key paid the provider (R10). */
  ownKey: count,
  /** Of those, refunded because the provider could not deliver (R15). */
  refunds: count,
  /** Credits the charges cost when made, refunded ones included. */
  charged: creditTotal,
  /** Credits the refunds gave back. */
  refunded: creditTotal,
  /** `charged − refunded`: what the work finally cost. */
  net: creditTotal,
  /** The refunds by reason, most refunds first (ties by reason), at most 3; `refunds` counts them all. */
  refundReasons: z.array(usageActivityRefundReason),
});
/** What one action did in one workbook on one day for one reason, and what it cost (R24). */
export type UsageActivity = z.infer<typeof usageActivity>;

/**
 * A page of activity, newest day first; within a day by workbook, action, trigger, run and model id (in
 * code-point order), so pages stay stable while charges arrive.
 */
export const usageActivityPage = z.extend(page(usageActivity), {
  /** The first day covered, `YYYY-MM-DD`. */
  from: calendarDate,
  /** The last day covered, inclusive, `YYYY-MM-DD`. */
  to: calendarDate,
});
/** A page of activity rows and the period they cover (R24). */
export type UsageActivityPage = z.infer<typeof usageActivityPage>;
