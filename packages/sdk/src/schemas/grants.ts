import * as z from 'zod/mini';
import { credits, openEnum, page, pageParams, timestamp } from './primitives';

export const grantSource = openEnum(['plan', 'rollover', 'purchased']);

/** A block of credits: spendable from `effectiveAt` until `expiresAt` (never, for purchases). */
export const grant = z.object({
  id: z.string(),
  source: grantSource,
  credits: credits,
  remaining: credits,
  effectiveAt: timestamp,
  expiresAt: z.nullable(timestamp),
  createdAt: timestamp,
});
export type Grant = z.infer<typeof grant>;

export const grantListParams = pageParams;
export type GrantListParams = z.infer<typeof grantListParams>;
export const grantPage = page(grant);
