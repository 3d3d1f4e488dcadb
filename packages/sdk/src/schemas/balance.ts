import * as z from 'zod/mini';
import { credits, creditTotal, openEnum, timestamp } from './primitives';

/** Whether a renewal's credits are still on their way (R7). */
export const renewalState = z.object({
  /** `processing` while a renewal's credits are not yet effective (R7). */
  status: openEnum(['none', 'processing', 'completed']),
  /** When the pending credits become spendable; null unless `processing`. */
  expectedBy: z.nullable(timestamp),
});

/** The spendable balance and what makes it up (R1, R3, R7). */
export const balance = z.object({
  /** Credits that can be spent now: active grants less the budgets open AI runs reserve (R1, R9). */
  spendable: creditTotal,
  /** Credits of grants not yet effective, such as a renewal still processing (R7); not spendable. */
  pending: creditTotal,
  /** The current plan's credits per period. */
  allowance: credits,
  /** The most plan + rollover credits a renewal leaves on a paid monthly plan, 2× the allowance (R3); null on other plans. */
  rolloverCap: z.nullable(credits),
  /** When the current period started. */
  periodStart: timestamp,
  /** When the current period ends and the next renewal is due. */
  periodEnd: timestamp,
  /** Whether a renewal's credits are still on their way (R7). */
  renewal: renewalState,
  /** What active grants hold, by source, before run reservations. */
  bySource: z.object({
    /** Credits left of the plan allowance. */
    plan: creditTotal,
    /** Credits rolled over from earlier periods (R3–R5). */
    rollover: creditTotal,
    /** Credits bought, which never expire (R17). */
    purchased: creditTotal,
    /** Credits the workspace was granted (promotional, compensation, goodwill), each until its own expiry (R28). */
    granted: creditTotal,
  }),
});
/** The workspace's spendable and pending credits, allowance, period and renewal state (R1, R3, R7). */
export type Balance = z.infer<typeof balance>;
