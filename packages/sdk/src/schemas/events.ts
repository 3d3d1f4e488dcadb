import * as z from 'zod/mini';
import { alertTriggered } from './alerts';
import { topUpCapped, topUpCompleted } from './auto-top-up';
import { balance } from './balance';
import { charge } from './charges';
import { grant } from './grants';
import { credits, timestamp } from './primitives';
import { limitDetails } from './problem';

/** An event's id: the events table's sequence, a decimal number as a string. */
export const eventId = z
  .string()
  .check(z.regex(/^\d{1,18}$/, { error: 'Expected the id of an event the stream sent (digits only).' }));

/**
 * One server-sent event of `type`, as the `data:` line of `GET /v1/events` carries it: the envelope every event
 * shares, with `data` the resource the event is about.
 */
function creditEventOf<const Type extends string, Data extends z.ZodMiniType>(type: Type, data: Data) {
  return z.object({
    /** The event's id, increasing; sent back as `Last-Event-ID` (or `lastEventId`) to resume after it. */
    id: eventId,
    /** What happened. */
    type: z.literal(type),
    /** When the change the event reports was made. */
    createdAt: timestamp,
    /** The resource the event is about. */
    data,
  });
}

/** The balance after a change: a charge, a refund, a purchase, a grant or its expiry, a run opened or completed. */
export const balanceUpdatedEvent = creditEventOf('balance.updated', balance);
/** A spend limit, run budget or the balance refused a charge (R11, R12, R14); `data` names it with its numbers. */
export const limitReachedEvent = creditEventOf('limit.reached', limitDetails);
/** A spend limit that had refused a charge was raised or switched off, so it leaves room again (R12). */
export const limitClearedEvent = creditEventOf('limit.cleared', limitDetails);
/** A period ended and the workspace renewed (R3–R6): the balance after the renewal. */
export const renewalCompletedEvent = creditEventOf('renewal.completed', balance);
/** A charge was refunded (R15): the charge as it is now. */
export const chargeRefundedEvent = creditEventOf('charge.refunded', charge);
/**
 * The secret key granted credits (R28): the grant. Sent to every listener of the workspace, so a host's
 * backend that did not make the grant (its notifier, its CRM) hears of it too.
 */
export const grantCreatedEvent = creditEventOf('grant.created', grant);
/**
 * Granted credits reached their expiry with something left (R28): the grant as it is now (nothing remaining) and
 * `expired`, the credits written off as its `expired` ledger row. Sent once per remainder.
 */
export const grantExpiredEvent = creditEventOf(
  'grant.expired',
  z.object({
    /** The grant as it is now: nothing remaining. */
    grant,
    /** The credits written off: what was left at the expiry, the `expired` ledger row's amount (positive here). */
    expired: credits,
  }),
);

/** An alert's threshold was crossed (R25): the alert and the numbers that crossed it. Sent once per crossing. */
export const alertTriggeredEvent = creditEventOf('alert.triggered', alertTriggered);

/**
 * The balance fell below the auto top-up's threshold and credits were added at once (R27): the top-up, the balance
 * before and after, and the month's total. Sent once per crossing; a host bills the top-up from this event.
 */
export const topUpCompletedEvent = creditEventOf('topup.completed', topUpCompleted);
/**
 * The balance fell below the auto top-up's threshold but the top-up would have passed the monthly cap (or what a
 * workspace may hold), so none was made (R27). Sent once per crossing.
 */
export const topUpCappedEvent = creditEventOf('topup.capped', topUpCapped);

/**
 * Every event `GET /v1/events` sends, told apart by `type` (a plain union: smaller in a bundle than a
 * discriminated one, and ten branches are quickly tried). A later server may send types this list does not
 * know yet: read `type` first (see {@link creditEventEnvelope}) and skip the ones you do not know.
 */
export const creditEvent = z.union([
  balanceUpdatedEvent,
  limitReachedEvent,
  limitClearedEvent,
  renewalCompletedEvent,
  chargeRefundedEvent,
  grantCreatedEvent,
  grantExpiredEvent,
  alertTriggeredEvent,
  topUpCompletedEvent,
  topUpCappedEvent,
]);
/** One event of `GET /v1/events`, typed by its `type`. */
export type CreditEvent = z.infer<typeof creditEvent>;

/** The event types the API sends on `GET /v1/events`. */
export const creditEventTypes: readonly CreditEvent['type'][] = creditEvent.def.options.flatMap(
  (option) => option.def.shape.type.def.values,
);

/** Any event's envelope, whatever its type: read first, so that a type this SDK does not know can be skipped. */
export const creditEventEnvelope = z.object({
  /** The event's id. */
  id: eventId,
  /** What happened: a known type, or one a later server added. */
  type: z.string(),
  /** When the change the event reports was made. */
  createdAt: timestamp,
  /** The resource the event is about, read once `type` is known. */
  data: z.unknown(),
});

/** Where `GET /v1/events` starts: after the event named, or with the next change when omitted. */
export const eventStreamParams = z.object({
  /**
   * Resume after this event: its `id`. The `Last-Event-ID` header (what EventSource sends when it reconnects)
   * takes precedence; this parameter lets a first connection resume where an earlier one left off.
   */
  lastEventId: z.optional(eventId),
});
