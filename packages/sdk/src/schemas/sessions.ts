import * as z from 'zod/mini';
import { openEnum, resourceId, timestamp } from './primitives';

export const roles = ['admin', 'member'] as const;

/** Mint a browser token for one user of the workspace; only a secret key may (R20). */
export const sessionCreateParams = z.object({
  userId: resourceId,
  role: z.enum(roles),
  /** Lifetime in seconds, at most one hour. */
  expiresIn: z.optional(z.number().check(z.int(), z.gte(60), z.lte(3600))),
});
export type SessionCreateParams = z.infer<typeof sessionCreateParams>;

export const session = z.object({
  token: z.string(),
  workspaceId: z.string(),
  userId: z.string(),
  role: openEnum(roles),
  expiresAt: timestamp,
});
export type Session = z.infer<typeof session>;
