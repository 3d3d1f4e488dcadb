/** How long a caller refused for a full counting queue is asked to wait: a full queue drains in 2–4 s. */
export const queueRetryAfterSeconds = 2;

/**
 * Thrown by a `TokenCounter` when counting one more prompt would queue more text than it accepts. The queue is
 * for the whole server, so the caller did nothing wrong: the route answers 503 with `Retry-After`.
 */
export class TokenCounterBusyError extends Error {
  constructor(
    /** When the queue is expected to have room again. */
    readonly retryAfterSeconds: number,
  ) {
    super('Too many prompts are waiting to be counted.');
  }
}
