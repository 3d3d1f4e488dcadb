import * as z from 'zod/mini';
import {
  credits,
  creditTotal,
  maxCharacters,
  openEnum,
  page,
  pageParams,
  positiveCreditAmount,
  storableText,
  timestamp,
  timestampInput,
} from './primitives';
import { validationDetails } from './problem';

/**
 * Where a grant's credits come from: the plan allowance, a rollover (R3–R5), a purchase (R17), or credits the
 * secret key granted (R28).
 */
export const grantSource = openEnum(['plan', 'rollover', 'purchased', 'granted']);

const grantReasons = ['promotional', 'compensation', 'goodwill'] as const;
/** Why the secret key granted credits (R28): a closed set, so usage and reports can group by it. */
export const grantReason = z.literal(grantReasons);
/** Why credits were granted: `promotional`, `compensation` or `goodwill` (R28). */
export type GrantReason = z.infer<typeof grantReason>;

/** The lowest priority of granted credits (R28); every other grant has priority 0. */
export const MIN_GRANT_PRIORITY = -100;
/** The highest priority of granted credits (R28). */
export const MAX_GRANT_PRIORITY = 100;
/** The longest note a grant may carry, in characters (code points). */
export const MAX_GRANT_NOTE_LENGTH = 500;

/** A block of credits: spendable from `effectiveAt` until `expiresAt` (never, for purchases). */
export const grant = z.object({
  /** The grant's id (`grant_…`). */
  id: z.string(),
  /** Where the credits come from: `plan`, `rollover`, `purchased` or `granted`. */
  source: grantSource,
  /** Credits granted. */
  credits: credits,
  /** Credits left to spend; 0 once expired, what was left having been written as an `expired` ledger row. */
  remaining: credits,
  /** When the credits become spendable; later than `createdAt` while a renewal is processing (R7). */
  effectiveAt: timestamp,
  /** When unspent credits expire; null for purchases and granted credits given without an expiry. */
  expiresAt: z.nullable(timestamp),
  /**
   * Among grants expiring at the same time, the higher priority is spent first (R2); 0 for plan, rollover and
   * purchased credits, −100 to 100 for granted ones.
   */
  priority: z.number(),
  /** Why the credits were granted, for `granted` credits (R28); null for the other sources. */
  reason: z.nullable(openEnum(grantReasons)),
  /** The free-text note given with granted credits; null when none was given and for the other sources. */
  note: z.nullable(z.string()),
  /** When the grant was made. */
  createdAt: timestamp,
});
/** A block of credits with its source, what is left, and when it is spendable. */
export type Grant = z.infer<typeof grant>;

/** Which page of grants to read. */
export const grantListParams = pageParams;
/** Which page of grants to read. */
export type GrantListParams = z.infer<typeof grantListParams>;
/** One page of grants in burn order (R2): soonest to expire first, then higher priority, then oldest. */
export const grantPage = page(grant);

/** Grant credits to the workspace (R28); the secret key only. */
export const grantCreateParams = z.object({
  /** Credits to grant, more than 0, up to 3 decimals, at most 1,000,000,000. */
  credits: positiveCreditAmount,
  /** Why: `promotional`, `compensation` or `goodwill`. */
  reason: grantReason,
  /** A note for the record, e.g. the support ticket; at most 500 characters. */
  note: z.optional(z.string().check(z.minLength(1), maxCharacters(MAX_GRANT_NOTE_LENGTH), storableText)),
  /** When what is left expires, in the future; omitted, the credits never expire. */
  expiresAt: z.optional(timestampInput),
  /** Among grants expiring together, the higher is spent first: a whole number from −100 to 100, 0 if omitted. */
  priority: z.optional(z.number().check(z.int(), z.gte(MIN_GRANT_PRIORITY), z.lte(MAX_GRANT_PRIORITY))),
});
/** Credits to grant, why, and when they expire (R28). */
export type GrantCreateParams = z.infer<typeof grantCreateParams>;

/**
 * The `details` of a `grant_too_large` problem (422): what a workspace holds, all its grants together, stays at
 * most the largest amount, as for purchases.
 */
export const grantTooLargeDetails = z.extend(validationDetails, {
  /** The most credits a workspace may hold: 1,000,000,000. */
  maximum: credits,
  /** What the workspace's grants hold now, pending ones included. */
  held: creditTotal,
  /** The most that can be granted now: `maximum − held`, never below 0. */
  grantable: credits,
});
