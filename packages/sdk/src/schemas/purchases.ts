import * as z from 'zod/mini';
import { credits, positiveCreditAmount, timestamp } from './primitives';

/** Buy one-time credits (R17); admins only (R20). */
export const purchaseCreateParams = z.object({
  /** Credits to buy, more than 0, up to 3 decimals. */
  credits: positiveCreditAmount,
});
/** How many one-time credits to buy (R17). */
export type PurchaseCreateParams = z.infer<typeof purchaseCreateParams>;

/** One-time credits bought by an admin: a grant that never expires (R17). */
export const purchase = z.object({
  /** The purchase's id (`purchase_…`). */
  id: z.string(),
  /** Credits bought. */
  credits: credits,
  /** The grant (`grant_…`) that holds the credits, spendable at once and never expiring. */
  grantId: z.string(),
  /** When the credits were bought. */
  createdAt: timestamp,
});
/** One-time credits bought: a grant that never expires (R17). */
export type Purchase = z.infer<typeof purchase>;
