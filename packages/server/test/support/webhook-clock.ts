import type { Queryable } from '../../src/store/database';
import { waitTimeoutMs } from './timeouts';

/** A test's clock, which the server reads through its `now` option. */
export interface TestClock {
  now(): Date;
  set(at: Date): void;
}

export function testClock(start: string): TestClock {
  let at = new Date(start);
  return {
    now: () => at,
    set: (next) => {
      at = next;
    },
  };
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

/**
 * Drives the dispatcher through its back-off on the test's clock instead of waiting: while an attempt is in flight
 * or due, or an event is not yet queued, it waits (the dispatcher is at work); when the next attempt lies ahead,
 * it moves the clock to it. `step` runs before each move (a test kills or restarts its receiver there). Ends when
 * `done` holds; fails if the dispatcher stops making progress for `waitTimeoutMs`.
 */
export async function driveDeliveries(
  db: Queryable,
  clock: TestClock,
  done: () => Promise<boolean>,
  step: () => Promise<void> = async () => undefined,
): Promise<void> {
  let lastProgress = Date.now();
  let lastState = '';
  while (!(await done())) {
    const [state] = await db.query<{ in_flight: number; due: number; unqueued: boolean; next: Date | null }>(
      `SELECT COUNT(*) FILTER (WHERE lease_token IS NOT NULL)::int AS in_flight,
              COUNT(*) FILTER (WHERE lease_token IS NULL AND next_attempt_at <= $1)::int AS due,
              MIN(next_attempt_at) FILTER (WHERE lease_token IS NULL) AS next,
              EXISTS (SELECT 1 FROM webhook_endpoints e
                       WHERE e.enabled AND EXISTS (SELECT 1 FROM events v
                                                    WHERE v.workspace_id = e.workspace_id AND v.id > e.event_cursor)
                     ) AS unqueued
         FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
        WHERE d.status = 'pending' AND e.enabled`,
      [clock.now()],
    );
    const described = JSON.stringify(state);
    if (described !== lastState) {
      lastState = described;
      lastProgress = Date.now();
    } else if (Date.now() - lastProgress > waitTimeoutMs) {
      throw new Error(`The dispatcher made no progress: ${described}`);
    }
    if (!state || state.in_flight > 0 || state.due > 0 || state.unqueued || state.next === null) {
      await pause();
      continue;
    }
    await step();
    clock.set(new Date(state.next));
  }
}
