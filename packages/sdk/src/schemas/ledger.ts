import * as z from 'zod/mini';
import { credits, creditTotal, openEnum, page, pageParams, timestamp } from './primitives';

const ledgerEntryTypes = ['grant', 'charge', 'refund', 'forfeited', 'expired'] as const;
/**
 * What a ledger row records: `grant` credits added (plan allowance, rollover, purchase); `charge` credits
 * spent (R2); `refund` credits given back (R15); `forfeited` credits lost at a renewal (R3–R5); `expired`
 * credits that left an old grant to roll over into a new rollover grant, or what was left of granted credits at
 * their expiry (R28).
 */
export const ledgerEntryType = openEnum(ledgerEntryTypes);

/**
 * One append-only ledger row. A charge that spans grants writes one row per grant touched (R2);
 * `credits` is negative for what leaves a grant and `balanceAfter` is the spendable balance after it.
 */
export const ledgerEntry = z.object({
  /** The row's id: a decimal number as a string, increasing in the order rows were written. */
  id: z.string(),
  /** What the row records: `grant`, `charge`, `refund`, `forfeited` or `expired` (R3–R5, R28). */
  type: ledgerEntryType,
  /** The grant (`grant_…`) whose credits moved. */
  grantId: z.nullable(z.string()),
  /** The charge (`charge_…`) of a `charge` or `refund` row; null for the other types. */
  chargeId: z.nullable(z.string()),
  /** Credits moved, up to 3 decimals: positive into the grant (`grant`, `refund`), negative out of it. */
  credits: credits,
  /** The credits held by the workspace's effective, unexpired grants right after this row. */
  balanceAfter: creditTotal,
  /**
   * Why the row was written, e.g. `plan <id>`, `purchase <id>`, `granted <reason>`, `renewal`, `expired` or a
   * refund's reason; null for charges.
   */
  reason: z.nullable(z.string()),
  /** When the row was written. */
  createdAt: timestamp,
});
/** One append-only ledger row: credits moved in or out of one grant, and the balance after it. */
export type LedgerEntry = z.infer<typeof ledgerEntry>;

/** A page of the ledger, newest first, optionally of one row type only. */
export const ledgerListParams = z.extend(pageParams, {
  /** Only rows of this type. */
  type: z.optional(z.enum(ledgerEntryTypes)),
});
/** Which page of the ledger to read, and optionally which row type. */
export type LedgerListParams = z.infer<typeof ledgerListParams>;
/** One page of ledger rows, newest first. */
export const ledgerPage = page(ledgerEntry);
