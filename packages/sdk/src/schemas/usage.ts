import * as z from 'zod/mini';
import { calendarDate, count, creditTotal, openEnum, resourceId } from './primitives';

/** What a usage report can be grouped by: R18, and `trigger`, why the charges happened (R24). */
export const usageGroups = ['day', 'workbook', 'action', 'provider', 'model', 'trigger'] as const;

/** Usage over a period (R18); `from` and `to` are dates (`YYYY-MM-DD`), `to` inclusive. */
export const usageParams = z.object({
  /**
   * One row per UTC `day`, `workbook`, `action`, `provider`, `model` (AI charges only) or `trigger` (`run`,
   * `rerun`, `auto_update`: why the charges happened, R24).
   */
  groupBy: z.enum(usageGroups),
  /** The first day, `YYYY-MM-DD` (UTC); 29 days before `to` when omitted. */
  from: z.optional(calendarDate),
  /** The last day, inclusive, `YYYY-MM-DD` (UTC); today when omitted. */
  to: z.optional(calendarDate),
  /** Only this workbook's charges. */
  workbookId: z.optional(resourceId),
});
/** What a usage report covers and how it is grouped (R18). */
export type UsageParams = z.infer<typeof usageParams>;

/** One group of a usage report (R18). */
export const usageRow = z.object({
  /** The group: a `YYYY-MM-DD` day, a workbook, action, provider or model id, or a trigger (`run`, `rerun`, `auto_update`). */
  key: z.string(),
  /** Charges recorded, own-key and deduplicated ones at 0 credits included (R10, R13). */
  charges: count,
  /** Credits those charges cost when made, refunded ones included. */
  charged: creditTotal,
  /** Credits refunds gave back, counted where their charge counts (R15). */
  refunded: creditTotal,
  /** `charged − refunded`: what the work finally cost. */
  net: creditTotal,
});
/** One group of a usage report: charge count, credits charged, refunded and net. */
export type UsageRow = z.infer<typeof usageRow>;

/** Usage over a period, one row per group and the totals (R18). */
export const usageReport = z.object({
  /** What the rows are grouped by. */
  groupBy: openEnum(usageGroups),
  /** The first day covered, `YYYY-MM-DD`. */
  from: calendarDate,
  /** The last day covered, inclusive, `YYYY-MM-DD`. */
  to: calendarDate,
  /** One row per group: days in date order, other groups by net credits, highest first. */
  data: z.array(usageRow),
  /** The sums of every row. */
  totals: z.object({
    /** Charges recorded, own-key and deduplicated ones included. */
    charges: count,
    /** Credits charged, refunded charges included. */
    charged: creditTotal,
    /** Credits refunds gave back. */
    refunded: creditTotal,
    /** `charged − refunded`. */
    net: creditTotal,
  }),
});
/** Usage over a period: one row per group and the totals (R18). */
export type UsageReport = z.infer<typeof usageReport>;
