import * as z from 'zod/mini';
import { credits, openEnum, page, pageParams, timestamp } from './primitives';

/** Where a grant's credits come from: the plan allowance, a rollover (R3–R5), or a purchase (R17). */
export const grantSource = openEnum(['plan', 'rollover', 'purchased']);

/** A block of credits: spendable from `effectiveAt` until `expiresAt` (never, for purchases). */
export const grant = z.object({
  /** The grant's id (`grant_…`). */
  id: z.string(),
  /** Where the credits come from: `plan`, `rollover` or `purchased`. */
  source: grantSource,
  /** Credits granted. */
  credits: credits,
  /** Credits left to spend. */
  remaining: credits,
  /** When the credits become spendable; later than `createdAt` while a renewal is processing (R7). */
  effectiveAt: timestamp,
  /** When unspent credits expire; null for purchases, which never expire (R17). */
  expiresAt: z.nullable(timestamp),
  /** When the grant was made. */
  createdAt: timestamp,
});
/** A block of credits with its source, what is left, and when it is spendable. */
export type Grant = z.infer<typeof grant>;

/** Which page of grants to read. */
export const grantListParams = pageParams;
/** Which page of grants to read. */
export type GrantListParams = z.infer<typeof grantListParams>;
/** One page of grants, soonest to expire first and purchases last (the burn order, R2). */
export const grantPage = page(grant);
