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

/**
 * The CSV's first column, named for what it holds: a `date` per UTC day, or the id of a workbook, action, provider
 * or model, or the trigger. The columns after it are `trigger` (unless the rows are triggers already), `charges`,
 * `credits_charged`, `credits_refunded` and `credits_net`.
 */
export const usageCsvKeyColumns = {
  /** A UTC day, `YYYY-MM-DD`. */
  day: 'date',
  /** A workbook id, as the host product names it. */
  workbook: 'workbook_id',
  /** An action id of the catalogue. */
  action: 'action_id',
  /** A provider id of the catalogue. */
  provider: 'provider_id',
  /** An AI model id. */
  model: 'model_id',
  /** `run`, `rerun` or `auto_update` (R24). */
  trigger: 'trigger',
} as const satisfies Record<(typeof usageGroups)[number], string>;

/** Whether the CSV ends with a totals line: `none` (the default: data lines only) or `last_row`. */
export const usageCsvTotals = ['none', 'last_row'] as const;

/** What a usage CSV covers, how it is grouped, and whether it ends with the totals (R18). */
export const usageExportParams = z.extend(usageParams, {
  /**
   * `none` (the default) writes data lines only, so a program can sum any column; `last_row` adds a last line
   * whose first cell is `Total (all rows)` (a label no id or date can be) with the sums, for a person.
   */
  totals: z.optional(z.enum(usageCsvTotals)),
});
/** What a usage CSV covers and whether it ends with the totals (R18). */
export type UsageExportParams = z.infer<typeof usageExportParams>;

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
