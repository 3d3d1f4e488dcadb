import * as z from 'zod/mini';
import { credits, openEnum, page, pageParams, timestamp } from './primitives';

const ledgerEntryTypes = ['grant', 'charge', 'refund', 'forfeited', 'expired'] as const;
export const ledgerEntryType = openEnum(ledgerEntryTypes);

/**
 * One append-only ledger row. A charge that spans grants writes one row per grant touched (R2);
 * `credits` is negative for what leaves a grant and `balanceAfter` is the spendable balance after it.
 */
export const ledgerEntry = z.object({
  id: z.string(),
  type: ledgerEntryType,
  grantId: z.nullable(z.string()),
  chargeId: z.nullable(z.string()),
  credits: credits,
  balanceAfter: credits,
  reason: z.nullable(z.string()),
  createdAt: timestamp,
});
export type LedgerEntry = z.infer<typeof ledgerEntry>;

export const ledgerListParams = z.extend(pageParams, {
  type: z.optional(z.enum(ledgerEntryTypes)),
});
export type LedgerListParams = z.infer<typeof ledgerListParams>;
export const ledgerPage = page(ledgerEntry);
