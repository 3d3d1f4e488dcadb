import {
  type AlertReading,
  alertReached,
  crossAlert,
  limitRemaining,
  toCredits,
  toThousandths,
} from '@creditkit/rules';
import { type AlertRow, alertView, readAlerts, thresholdOf } from './alerts';
import type { Queryable } from './database';
import { emitEvent } from './ledger-writes';
import { readBalance } from './read-models';

type SpendReading = Extract<AlertReading, { kind: 'spend' }>;

const spendKey = (scope: string, id: string | null) => `${scope}:${id}`;

/** What each spend alert watches: a workbook's or enrichment's spend against its enforced limit, a run's budget. */
async function readSpend(tx: Queryable, workspaceId: string, alerts: readonly AlertRow[]) {
  const readings = new Map<string, SpendReading>();
  const ids = (scopes: readonly string[]) =>
    alerts.filter((row) => scopes.includes(row.scope)).map((row) => row.scope_id as string);
  const limited = ids(['workbook', 'enrichment']);
  if (limited.length > 0) {
    const rows = await tx.query<{ scope: string; scope_id: string; spent: number; limit: number | null }>(
      `SELECT scope, scope_id, spent, CASE WHEN limit_enabled THEN credit_limit END AS limit FROM spend
        WHERE workspace_id = $1 AND scope_id = ANY($2::text[])`,
      [workspaceId, limited],
    );
    for (const row of rows) {
      const limit = row.limit === null ? null : Number(row.limit);
      readings.set(spendKey(row.scope, row.scope_id), { kind: 'spend', spent: Number(row.spent), limit });
    }
  }
  const runs = ids(['run']);
  if (runs.length > 0) {
    const rows = await tx.query<{ id: string; spent: number; budget: number }>(
      'SELECT id, spent, budget FROM runs WHERE workspace_id = $1 AND id = ANY($2::text[])',
      [workspaceId, runs],
    );
    for (const row of rows) {
      readings.set(spendKey('run', row.id), { kind: 'spend', spent: Number(row.spent), limit: Number(row.budget) });
    }
  }
  return readings;
}

/**
 * R25: reads what the workspace's alerts watch, as the caller's transaction left it, and moves each alert across
 * its threshold with `crossAlert`: an armed alert past its threshold fires one `alert.triggered` and is disarmed,
 * a disarmed one whose value came back is armed again. Every writer of the balance, a spend or a limit calls it
 * after its writes, under the workspace row lock, so the crossings are decided one transaction at a time; a group
 * of charges calls it once, after the whole group (its charges only ever move values the same way).
 */
export async function checkAlerts(tx: Queryable, workspaceId: string, now: Date): Promise<void> {
  const alerts = await readAlerts(tx, workspaceId);
  if (alerts.length === 0) return;
  const balance = alerts.some((row) => row.scope === 'balance') ? await readBalance(tx, workspaceId, now) : null;
  const spend = await readSpend(tx, workspaceId, alerts);

  const changed: AlertRow[] = [];
  const fired: { row: AlertRow; reading: AlertReading }[] = [];
  for (const row of alerts) {
    const reading: AlertReading =
      row.scope === 'balance'
        ? {
            kind: 'balance',
            spendable: toThousandths(balance?.spendable ?? 0),
            allowance: toThousandths(balance?.allowance ?? 0),
          }
        : (spend.get(spendKey(row.scope, row.scope_id)) ?? { kind: 'spend', spent: 0, limit: null });
    const step = crossAlert(row.armed, alertReached(reading, thresholdOf(row)));
    if (step.armed === row.armed) continue;
    row.armed = step.armed;
    if (step.fire) {
      row.triggered_at = now;
      fired.push({ row, reading });
    }
    changed.push(row);
  }
  if (changed.length === 0) return;
  await tx.query(
    `UPDATE alerts AS a SET armed = u.armed, triggered_at = u.triggered_at
       FROM unnest($2::text[], $3::boolean[], $4::timestamptz[]) AS u(id, armed, triggered_at)
      WHERE a.workspace_id = $1 AND a.id = u.id`,
    [
      workspaceId,
      changed.map((row) => row.id),
      changed.map((row) => row.armed),
      changed.map((row) => row.triggered_at),
    ],
  );
  for (const { row, reading } of fired) {
    await emitEvent(tx, workspaceId, 'alert.triggered', alertTriggeredData(row, reading), now);
  }
}

/** The `alert.triggered` event's data: the alert and the numbers that crossed its threshold. */
function alertTriggeredData(row: AlertRow, reading: AlertReading) {
  if (reading.kind === 'balance') {
    return {
      alert: alertView(row),
      balance: { spendable: toCredits(reading.spendable), allowance: toCredits(reading.allowance) },
      spend: null,
    };
  }
  const { limit, spent } = reading;
  return {
    alert: alertView(row),
    balance: null,
    spend: {
      limit: limit === null ? null : toCredits(limit),
      spent: toCredits(spent),
      remaining: limit === null ? null : toCredits(limitRemaining(limit, spent)),
    },
  };
}
