import { checkAlerts } from './alert-checks';
import { checkAutoTopUp } from './auto-top-up-checks';
import type { Queryable } from './database';

/** Which thresholds a workspace has to check: an enabled auto top-up (R27), any alert (R25). */
export interface ThresholdWatch {
  autoTopUp: boolean;
  alerts: boolean;
}

/**
 * What every writer of the balance runs last, under the workspace row lock: the auto top-up (R27), then the alerts
 * (R25), so that alerts read the balance a top-up left. A balance alert therefore fires when the top-up did not bring
 * the balance back (capped, or too small), which is when somebody needs to hear of it. A caller that read `watched`
 * under the same lock (a group of charges, in its state statement) spares the reads of what the workspace lacks.
 */
export async function checkThresholds(
  tx: Queryable,
  workspaceId: string,
  now: Date,
  watched: ThresholdWatch = { autoTopUp: true, alerts: true },
): Promise<void> {
  if (watched.autoTopUp) await checkAutoTopUp(tx, workspaceId, now);
  if (watched.alerts) await checkAlerts(tx, workspaceId, now);
}
