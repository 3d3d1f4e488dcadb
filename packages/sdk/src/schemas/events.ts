import * as z from 'zod/mini';
import { openEnum, timestamp } from './primitives';

/** The event types the API sends on `GET /v1/events`. */
export const creditEventTypes = [
  'balance.updated',
  'limit.reached',
  'limit.cleared',
  'renewal.completed',
  'charge.refunded',
] as const;

/**
 * One server-sent event. `data` is the resource the event is about: the balance for
 * `balance.updated`, the limit details for `limit.*`, the charge for `charge.refunded`.
 */
export const creditEvent = z.object({
  /** The event's id: a decimal number as a string, increasing; sent back as `Last-Event-ID` to resume. */
  id: z.string(),
  /** What happened: `balance.updated`, `limit.reached`, `limit.cleared`, `renewal.completed` or `charge.refunded`. */
  type: openEnum(creditEventTypes),
  /** When the change the event reports was made. */
  createdAt: timestamp,
  /** The resource the event is about, by `type`. */
  data: z.unknown(),
});
