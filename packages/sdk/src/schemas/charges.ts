import * as z from 'zod/mini';
import { ledgerEntry } from './ledger';
import { count, credits, openEnum, resourceId, timestamp } from './primitives';

/** Charge one action on one record's field (R2, R9–R16). Ids belong to the host product. */
export const chargeCreateParams = z.object({
  actionId: resourceId,
  workbookId: resourceId,
  recordId: resourceId,
  field: resourceId,
  enrichmentId: z.optional(resourceId),
  audienceId: z.optional(resourceId),
  runId: z.optional(resourceId),
  /** Token counts of an AI action, priced by the model's rates. */
  usage: z.optional(z.object({ inputTokens: count, outputTokens: count })),
});
export type ChargeCreateParams = z.infer<typeof chargeCreateParams>;

export const chargeStatus = openEnum(['charged', 'own_key', 'deduplicated', 'refunded']);

export const charge = z.object({
  id: z.string(),
  actionId: z.string(),
  workbookId: z.string(),
  recordId: z.string(),
  field: z.string(),
  enrichmentId: z.nullable(z.string()),
  audienceId: z.nullable(z.string()),
  runId: z.nullable(z.string()),
  credits: credits,
  status: chargeStatus,
  /** Why a refund happened (R15), as the caller gave it. */
  refundReason: z.nullable(z.string()),
  ledgerEntries: z.array(ledgerEntry),
  createdAt: timestamp,
});
export type Charge = z.infer<typeof charge>;

/** Refund a charge whose provider could not deliver valid data (R15). */
export const chargeRefundParams = z.object({
  reason: z.string().check(z.minLength(1), z.maxLength(500)),
});
export type ChargeRefundParams = z.infer<typeof chargeRefundParams>;
