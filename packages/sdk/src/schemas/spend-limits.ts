import * as z from 'zod/mini';
import { creditAmount, credits, creditTotal, openEnum } from './primitives';

/** What a spend limit applies to: a `workbook` (R11) or a bulk `enrichment` (R12). */
export const spendLimitScope = openEnum(['workbook', 'enrichment']);

/**
 * A workbook's (R11) or an enrichment's (R12) credit spend limit. `spent` counts every charge in
 * scope net of refunds; `limit` and `remaining` are null while no limit has been set.
 */
export const spendLimit = z.object({
  /** What the limit applies to: `workbook` or `enrichment`. */
  scope: spendLimitScope,
  /** The workbook's or enrichment's id, as the host product names it. */
  id: z.string(),
  /** True when the limit is enforced: a charge that would take `spent` past `limit` is refused. */
  enabled: z.boolean(),
  /** The most credits the scope may spend; null while no limit has been set. */
  limit: z.nullable(credits),
  /** Credits spent in scope, net of refunds, counted whether or not the limit is enabled. */
  spent: creditTotal,
  /** `limit − spent`, never below 0; null while no limit has been set. */
  remaining: z.nullable(credits),
});
/** A workbook's (R11) or an enrichment's (R12) spend limit and what it has spent. */
export type SpendLimit = z.infer<typeof spendLimit>;

/** Enable, change or disable a spend limit; admins only (R20). */
export const spendLimitUpdateParams = z.object({
  /** Whether the limit is enforced; false keeps `limit` but stops refusing charges. */
  enabled: z.boolean(),
  /** The most credits the scope may spend, not negative, up to 3 decimals. */
  limit: creditAmount,
});
/** The spend limit to set: whether it is enforced and its amount in credits. */
export type SpendLimitUpdateParams = z.infer<typeof spendLimitUpdateParams>;
