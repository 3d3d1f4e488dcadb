import * as z from 'zod/mini';
import { count, credits, openEnum, resourceId } from './primitives';

const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Expected a date as YYYY-MM-DD.' }));

export const usageGroups = ['day', 'workbook', 'action', 'provider', 'model'] as const;

/** Usage over a period (R18); `from` and `to` are dates (`YYYY-MM-DD`), `to` inclusive. */
export const usageParams = z.object({
  groupBy: z.enum(usageGroups),
  from: z.optional(date),
  to: z.optional(date),
  workbookId: z.optional(resourceId),
});
export type UsageParams = z.infer<typeof usageParams>;

export const usageRow = z.object({
  key: z.string(),
  charges: count,
  charged: credits,
  refunded: credits,
  net: credits,
});
export type UsageRow = z.infer<typeof usageRow>;

export const usageReport = z.object({
  groupBy: openEnum(usageGroups),
  from: z.string(),
  to: z.string(),
  data: z.array(usageRow),
  totals: z.object({ charges: count, charged: credits, refunded: credits, net: credits }),
});
export type UsageReport = z.infer<typeof usageReport>;
