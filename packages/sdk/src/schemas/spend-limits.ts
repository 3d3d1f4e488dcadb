import * as z from 'zod/mini';
import { creditAmount, credits, openEnum } from './primitives';

export const spendLimitScope = openEnum(['workbook', 'enrichment']);

/**
 * A workbook's (R11) or an enrichment's (R12) credit spend limit. `spent` counts every charge in
 * scope net of refunds; `limit` and `remaining` are null while no limit has been set.
 */
export const spendLimit = z.object({
  scope: spendLimitScope,
  id: z.string(),
  enabled: z.boolean(),
  limit: z.nullable(credits),
  spent: credits,
  remaining: z.nullable(credits),
});
export type SpendLimit = z.infer<typeof spendLimit>;

export const spendLimitUpdateParams = z.object({ enabled: z.boolean(), limit: creditAmount });
export type SpendLimitUpdateParams = z.infer<typeof spendLimitUpdateParams>;
