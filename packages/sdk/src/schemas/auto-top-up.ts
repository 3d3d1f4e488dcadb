import * as z from 'zod/mini';
import { credits, creditTotal, openEnum, positiveCreditAmount, timestamp } from './primitives';

/** Why a top-up due was not made: `monthly_cap` (the month's top-ups would pass it) or `holding_limit`. */
export const autoTopUpCapReasons = ['monthly_cap', 'holding_limit'] as const;

/** The month a monthly cap counts in (the UTC calendar month) and what auto top-ups added in it. */
export const autoTopUpMonth = z.object({
  /** The month's first instant (UTC). */
  start: timestamp,
  /** The next month's first instant (UTC). */
  end: timestamp,
  /** Credits auto top-ups added this month. */
  toppedUp: creditTotal,
  /** What the cap still allows this month (`monthlyCap − toppedUp`, never below 0); null before a cap is set. */
  remaining: z.nullable(creditTotal),
});
/** The month a monthly cap counts in and what auto top-ups added in it (R27). */
export type AutoTopUpMonth = z.infer<typeof autoTopUpMonth>;

/**
 * The workspace's auto top-up (R27): when a change takes the spendable balance below `threshold`, `credits` are
 * granted at once (a grant that never expires, ledger reason `auto_top_up <id>`) and `topup.completed` announces it,
 * once per crossing, never past `monthlyCap` in a UTC calendar month. Before it is first set, the amounts are null.
 */
export const autoTopUp = z.object({
  /** Whether balances below the threshold are topped up. */
  enabled: z.boolean(),
  /** Top up when the spendable balance falls below this; null before it is set. */
  threshold: z.nullable(credits),
  /** Credits each top-up adds; null before it is set. */
  credits: z.nullable(credits),
  /** The most top-ups may add in a UTC calendar month; null before it is set. */
  monthlyCap: z.nullable(credits),
  /** `armed` until the balance falls below the threshold, then `triggered` until it is back at or above it. */
  state: openEnum(['armed', 'triggered']),
  /** This month's top-ups against the cap. */
  month: autoTopUpMonth,
  /** When the settings were last changed; null before they are first set. */
  updatedAt: z.nullable(timestamp),
});
/** The workspace's auto top-up settings, state and this month's top-ups (R27). */
export type AutoTopUp = z.infer<typeof autoTopUp>;

/**
 * The whole auto top-up setting (admins only, R20). Every amount is more than 0 with up to 3 decimals, bounded like
 * a purchase; `monthlyCap` at least `credits` (else no top-up could ever be made). Setting it arms it and checks the
 * balance at once: a balance already below the threshold is topped up in that request.
 */
export const autoTopUpUpdateParams = z
  .object({
    /** Whether balances below the threshold are topped up. */
    enabled: z.boolean(),
    /** Top up when the spendable balance falls below this: more than 0, up to 3 decimals. */
    threshold: positiveCreditAmount,
    /** Credits each top-up adds: more than 0, up to 3 decimals. */
    credits: positiveCreditAmount,
    /** The most top-ups may add in a UTC calendar month: at least `credits`. */
    monthlyCap: positiveCreditAmount,
  })
  .check(
    z.refine((params) => params.monthlyCap >= params.credits, {
      error: 'The monthly cap must be at least one top-up, or no top-up could ever be made.',
      path: ['monthlyCap'],
    }),
  );
/** The auto top-up to set: on or off, threshold, amount and monthly cap. */
export type AutoTopUpUpdateParams = z.infer<typeof autoTopUpUpdateParams>;

/** What a `topup.completed` event reports: the top-up made, the balance it started from and the month's total. */
export const topUpCompleted = z.object({
  /** The top-up (`topup_…`), its credits and the grant (`grant_…`) that holds them. */
  topUp: z.object({
    /** The top-up's id (`topup_…`), named by its grant's ledger row (`auto_top_up <id>`). */
    id: z.string(),
    /** Credits added. */
    credits,
    /** The grant that holds them: spendable at once, never expiring, counted as `purchased`. */
    grantId: z.string(),
    /** When it was made. */
    createdAt: timestamp,
  }),
  /** The threshold the balance fell below. */
  threshold: credits,
  /** The spendable balance the change left, below the threshold. */
  spendableBefore: creditTotal,
  /** The spendable balance after the top-up. */
  spendable: creditTotal,
  /** The month's top-ups, this one included. */
  month: autoTopUpMonth,
});
/** An auto top-up that was made (R27): what a host bills. */
export type TopUpCompleted = z.infer<typeof topUpCompleted>;

/** What a `topup.capped` event reports: the top-up that was due but not made, and why. */
export const topUpCapped = z.object({
  /** `monthly_cap` (this month's top-ups would pass it) or `holding_limit` (the workspace would hold too much). */
  reason: openEnum(autoTopUpCapReasons),
  /** The credits the top-up would have added. */
  credits,
  /** The threshold the balance fell below. */
  threshold: credits,
  /** The spendable balance, below the threshold. */
  spendable: creditTotal,
  /** The month's top-ups so far, and the cap's room. */
  month: autoTopUpMonth,
});
/** An auto top-up that was due but not made (R27). */
export type TopUpCapped = z.infer<typeof topUpCapped>;
