import * as z from 'zod/mini';
import { credits, positiveCreditAmount, timestamp } from './primitives';

export const purchaseCreateParams = z.object({ credits: positiveCreditAmount });
export type PurchaseCreateParams = z.infer<typeof purchaseCreateParams>;

/** One-time credits bought by an admin: a grant that never expires (R17). */
export const purchase = z.object({
  id: z.string(),
  credits: credits,
  grantId: z.string(),
  createdAt: timestamp,
});
export type Purchase = z.infer<typeof purchase>;
