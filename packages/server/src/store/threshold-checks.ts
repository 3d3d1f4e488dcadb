import { checkAlerts } from './alert-checks';
import { checkAutoTopUp } from './auto-top-up-checks';
import type { Queryable } from './database';

/**
 * What every writer of the balance runs last, under the workspace row lock: the auto top-up (R27), then the alerts
 * (R25), so that alerts read the balance a top-up left. A balance alert therefore fires when the top-up did not bring
 * the balance back (capped, or too small), which is when somebody needs to hear of it.
 */
export async function checkThresholds(tx: Queryable, workspaceId: string, now: Date): Promise<void> {
  await checkAutoTopUp(tx, workspaceId, now);
  await checkAlerts(tx, workspaceId, now);
}
