/**
 * When a failed delivery is tried again (R26): exponential back-off with full jitter. After attempt n fails, the
 * next waits a random time between 1 s and min(5 s × 2^(n−1), 1 h): ceilings of 5 s, 10 s, 20 s, … 2,560 s (the
 * 10th), then 1 hour. Attempts go on until the retry window, 24 hours from the first attempt (or a redelivery),
 * has passed: the first attempt that fails after that marks the delivery failed. So a delivery is tried for at
 * least a day (about 55 attempts on average: the draws average half their ceiling), unless it succeeds.
 */
export interface RetrySchedule {
  /** The first wait's ceiling. */
  baseDelayMs: number;
  /** The largest ceiling. */
  maxDelayMs: number;
  /** The shortest wait, so a draw near 0 never sends the next attempt right away. */
  minDelayMs: number;
  /** How long after its window starts a delivery is still retried. */
  retryWindowMs: number;
}

export const defaultRetrySchedule: RetrySchedule = {
  baseDelayMs: 5_000,
  maxDelayMs: 3_600_000,
  minDelayMs: 1_000,
  retryWindowMs: 24 * 3_600_000,
};

/** The ceiling of the wait after the `failedAttempts`-th failure (1 for the first). */
export function delayCeilingMs(schedule: RetrySchedule, failedAttempts: number): number {
  // 2^40 is far past any cap: bounded so the power never overflows to Infinity.
  return Math.min(schedule.maxDelayMs, schedule.baseDelayMs * 2 ** Math.min(failedAttempts - 1, 40));
}

/**
 * When the next attempt is due after the `failedAttempts`-th failure at `now`, or null when the window that
 * started at `windowStart` is over and the delivery has failed. `random` is in [0, 1), injected so tests choose it.
 */
export function nextAttemptAt(
  schedule: RetrySchedule,
  failedAttempts: number,
  windowStart: Date,
  now: Date,
  random: () => number,
): Date | null {
  if (now.getTime() - windowStart.getTime() >= schedule.retryWindowMs) return null;
  const wait = Math.max(schedule.minDelayMs, Math.floor(random() * delayCeilingMs(schedule, failedAttempts)));
  return new Date(now.getTime() + wait);
}
