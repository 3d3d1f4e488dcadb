import * as z from 'zod/mini';
import { credits, openEnum, timestamp } from './primitives';

export const renewalState = z.object({
  /** `processing` while a renewal's credits are not yet effective (R7). */
  status: openEnum(['none', 'processing', 'completed']),
  expectedBy: z.nullable(timestamp),
});

/** The spendable balance and what makes it up (R1, R3, R7). */
export const balance = z.object({
  spendable: credits,
  pending: credits,
  allowance: credits,
  rolloverCap: z.nullable(credits),
  periodStart: timestamp,
  periodEnd: timestamp,
  renewal: renewalState,
  bySource: z.object({ plan: credits, rollover: credits, purchased: credits }),
});
export type Balance = z.infer<typeof balance>;
