import * as z from 'zod/mini';
import { count, credits, openEnum, resourceId } from './primitives';

export const usageGroups = ['day', 'workbook', 'action', 'provider', 'model'] as const;

/** Usage over a period (R18); `from` and `to` are dates (`YYYY-MM-DD`), `to` inclusive. */
export const usageParams = z.object({
  groupBy: z.enum(usageGroups),
  from: z.optional(z.iso.date()),
  to: z.optional(z.iso.date()),
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
