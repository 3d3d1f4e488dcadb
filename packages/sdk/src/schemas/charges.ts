import * as z from 'zod/mini';
import { ledgerEntry } from './ledger';
import { credits, maxCharacters, openEnum, resourceId, storableText, timestamp, tokenCount } from './primitives';

/**
 * Why a charge happens (R24): `run` asks for the value once, so an action already paid on the record and
 * field is deduplicated (R13); `rerun` (a deliberate re-run) and `auto_update` (a scheduled refresh) are
 * charged again even when already paid, still subject to every limit.
 */
export const chargeTriggers = ['run', 'rerun', 'auto_update'] as const;
/** Why a charge happens (R24): `run`, `rerun` or `auto_update`. */
export type ChargeTrigger = (typeof chargeTriggers)[number];

/** Charge one action on one record's field (R2, R9–R16). Ids belong to the host product. */
export const chargeCreateParams = z.object({
  /** The catalogue id of the action to charge, e.g. `find-mobile-phone` (R8). */
  actionId: resourceId,
  /** The workbook the charge counts towards; its spend limit applies (R11). */
  workbookId: resourceId,
  /** The record charged; with `field` it is the dedup key, charged once per workspace (R13). */
  recordId: resourceId,
  /** The record's field the action fills, e.g. `mobile_phone`; with `recordId` it is the dedup key (R13). */
  field: resourceId,
  /** The bulk enrichment the charge belongs to; its spend limit applies too (R12). */
  enrichmentId: z.optional(resourceId),
  /** The audience the record was reached through; recorded only, dedup spans audiences (R13). */
  audienceId: z.optional(resourceId),
  /** The AI run whose budget the charge settles against (R9); the run must have been opened first. */
  runId: z.optional(resourceId),
  /** Why the charge happens (R24): `run` (the default) is deduplicated; `rerun` and `auto_update` are charged again. */
  trigger: z.optional(z.enum(chargeTriggers)),
  /** Token counts of an AI action, priced by the model's rates. */
  usage: z.optional(
    z.object({
      /** Prompt tokens the row used, at most 10,000,000. */
      inputTokens: tokenCount,
      /** Output tokens the row produced, at most 10,000,000. */
      outputTokens: tokenCount,
    }),
  ),
});
/** What to charge: one action on one record's field, and where the spend counts (R2, R9–R16). */
export type ChargeCreateParams = z.infer<typeof chargeCreateParams>;

/**
 * What became of a charge: `charged` took credits; `own_key` cost 0 because the workspace has its own key
 * for the provider (R10); `deduplicated` cost 0 because the record's field was already paid for (R13);
 * `refunded` gave its credits back (R15).
 */
export const chargeStatus = openEnum(['charged', 'own_key', 'deduplicated', 'refunded']);

/** One charge of an action on a record's field, with the ledger rows it wrote. */
export const charge = z.object({
  /** The charge's id (`charge_…`). */
  id: z.string(),
  /** The catalogue id of the action charged. */
  actionId: z.string(),
  /** The workbook the charge counts towards. */
  workbookId: z.string(),
  /** The record charged. */
  recordId: z.string(),
  /** The record's field the action filled. */
  field: z.string(),
  /** The bulk enrichment the charge belongs to; null when none was given. */
  enrichmentId: z.nullable(z.string()),
  /** The audience the record was reached through; null when none was given. */
  audienceId: z.nullable(z.string()),
  /** The AI run the charge settled against; null when none was given. */
  runId: z.nullable(z.string()),
  /** Credits charged, up to 3 decimals: 0 for `own_key` and `deduplicated`; a refund keeps the amount it gave back. */
  credits: credits,
  /** Why the charge happened (R24): `run`, `rerun` or `auto_update`. */
  trigger: openEnum(chargeTriggers),
  /** What became of the charge: `charged`, `own_key`, `deduplicated` or `refunded`. */
  status: chargeStatus,
  /** Why a refund happened (R15), as the caller gave it; null until the charge is refunded. */
  refundReason: z.nullable(z.string()),
  /** The ledger rows of the charge: one `charge` row per grant it took from (R2), then any `refund` rows. */
  ledgerEntries: z.array(ledgerEntry),
  /** When the charge was made. */
  createdAt: timestamp,
});
/** One charge with its status and ledger rows. */
export type Charge = z.infer<typeof charge>;

/** Refund a charge whose provider could not deliver valid data (R15). */
export const chargeRefundParams = z.object({
  /**
   * Why the charge is refunded, 1–500 characters of well-formed text without NUL; kept as the charge's
   * `refundReason` and on its refund rows.
   */
  reason: z.string().check(z.minLength(1), maxCharacters(500), storableText),
});
/** Why a charge is refunded (R15). */
export type ChargeRefundParams = z.infer<typeof chargeRefundParams>;
