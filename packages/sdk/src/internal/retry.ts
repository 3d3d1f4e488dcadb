/** When and how long to wait before sending a call again. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First back-off, doubled on every retry, then fully jittered (a random wait between 0 and it). */
  baseDelay: number;
  /** Ceiling of one back-off. */
  maxDelay: number;
  /** Ceiling of a wait the server asks for with `Retry-After`. */
  maxRetryAfter: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 2,
  baseDelay: 500,
  maxDelay: 8_000,
  maxRetryAfter: 60_000,
};

const serverErrors = Array.from({ length: 100 }, (_, index) => 500 + index);

/**
 * Statuses worth another attempt: the request may not have been processed, or may succeed later.
 * 409 is here for a request still in flight under the same idempotency key; an
 * `idempotency_conflict` 409 is excluded by its code.
 */
export const retryableStatusCodes = [408, 409, 429, ...serverErrors];

/** Statuses whose `Retry-After` is obeyed instead of the back-off. */
export const retryAfterStatusCodes = [429, 503];

/** The back-off before retry number `attempt` (1-based), before jitter and ceiling. */
export function backoff(policy: RetryPolicy, attempt: number): number {
  return policy.baseDelay * 2 ** (attempt - 1);
}
