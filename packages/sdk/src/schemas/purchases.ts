import * as z from 'zod/mini';
import { credits, creditTotal, positiveCreditAmount, timestamp } from './primitives';
import { validationDetails } from './problem';

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

/**
 * The `details` of a `purchase_too_large` problem (422): what a workspace holds, all its grants together,
 * stays at most the largest amount, so its balance stays an amount too.
 */
export const purchaseTooLargeDetails = z.extend(validationDetails, {
  /** The most credits a workspace may hold: 1,000,000,000. */
  maximum: credits,
  /** What the workspace's grants hold now, pending ones included. */
  held: creditTotal,
  /** The most it can buy now: `maximum − held`, never below 0. */
  purchasable: credits,
});
