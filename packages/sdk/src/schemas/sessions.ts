import * as z from 'zod/mini';
import { openEnum, resourceId, timestamp } from './primitives';

/** What a session may do: `admin` also changes limits, buys credits and sets own keys; `member` reads and runs actions (R20). */
export const roles = ['admin', 'member'] as const;

/** Mint a browser token for one user of the workspace; only a secret key may (R20). */
export const sessionCreateParams = z.object({
  /** The host product's id of the user the token speaks for. */
  userId: resourceId,
  /** `admin` or `member` (R20). */
  role: z.enum(roles),
  /** Lifetime in seconds, 60–3600; one hour when omitted. */
  expiresIn: z.optional(z.number().check(z.int(), z.gte(60), z.lte(3600))),
});
/** Who a browser session token is for, with which role, and for how long (R20). */
export type SessionCreateParams = z.infer<typeof sessionCreateParams>;

/** A short-lived browser session token and who it speaks for. */
export const session = z.object({
  /** The bearer token (`st_…`) to hand to the browser, sent as `Authorization: Bearer`. */
  token: z.string(),
  /** The workspace the token is scoped to (`ws_…`); it sees no other (R21). */
  workspaceId: z.string(),
  /** The user the token speaks for, as given. */
  userId: z.string(),
  /** The user's role: `admin` or `member` (R20). */
  role: openEnum(roles),
  /** When the token stops being accepted. */
  expiresAt: timestamp,
});
/** A short-lived browser session token and who it speaks for (R20). */
export type Session = z.infer<typeof session>;
