import * as z from 'zod/mini';
import { openEnum, timestamp } from './primitives';

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
  id: z.string(),
  type: openEnum(creditEventTypes),
  createdAt: timestamp,
  data: z.unknown(),
});
