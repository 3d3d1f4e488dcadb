import { CreditError, ValidationError } from '@creditkit/sdk';

/** Statuses that say "wait and try again" rather than "no". */
const passingStatuses = new Set([408, 409, 429]);

/**
 * True for a failure that asking again soon cannot change: an unknown action (404), a member asking
 * for what only admins see (403), an id the API refuses (400 or refused before sending). Such an
 * answer is kept as long as data would be, so remounting three hundred cost badges of unknown
 * actions asks nothing again. Network failures, timeouts, 5xx, 408, 409 and 429 are retried by the
 * next observer.
 */
export function isLastingError(error: unknown): boolean {
  if (ValidationError.is(error)) return true;
  if (!CreditError.is(error) || error.status === undefined) return false;
  return error.status >= 400 && error.status < 500 && !passingStatuses.has(error.status);
}
