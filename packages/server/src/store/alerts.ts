import { type AlertThreshold, toCredits, toThousandths } from '@creditkit/rules';
import type { AlertParams } from '@creditkit/sdk/schemas';
import type { Queryable } from './database';
import { newId } from './ids';
import { toIsoTimestamp } from './timestamps';

export interface AlertRow {
  id: string;
  scope: AlertParams['scope'];
  scope_id: string | null;
  unit: AlertParams['unit'];
  /** Thousandths of a credit for `credits`, a whole percentage for `percent`. */
  threshold: number;
  armed: boolean;
  triggered_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const columns = 'id, scope, scope_id, unit, threshold, armed, triggered_at, created_at, updated_at';

/** An alert as the API answers it (the `alert` schema of the contract). */
export function alertView(row: AlertRow) {
  return {
    id: row.id,
    scope: row.scope,
    scopeId: row.scope_id,
    unit: row.unit,
    threshold: row.unit === 'credits' ? toCredits(row.threshold) : row.threshold,
    state: row.armed ? 'armed' : 'triggered',
    triggeredAt: toIsoTimestamp(row.triggered_at),
    createdAt: toIsoTimestamp(row.created_at),
    updatedAt: toIsoTimestamp(row.updated_at),
  };
}

/** The threshold in the units the rules compare: thousandths for credits. */
export function thresholdOf(row: Pick<AlertRow, 'unit' | 'threshold'>): AlertThreshold {
  return row.unit === 'credits' ? { unit: 'credits', value: row.threshold } : { unit: 'percent', value: row.threshold };
}

function storedThreshold(params: AlertParams): number {
  return params.unit === 'credits' ? toThousandths(params.threshold) : params.threshold;
}

/** Every alert of the workspace, oldest first. */
export function readAlerts(tx: Queryable, workspaceId: string): Promise<AlertRow[]> {
  return tx.query<AlertRow>(`SELECT ${columns} FROM alerts WHERE workspace_id = $1 ORDER BY created_at, id`, [
    workspaceId,
  ]);
}

export async function countAlerts(tx: Queryable, workspaceId: string): Promise<number> {
  const [row] = await tx.query<{ count: number }>('SELECT count(*)::int AS count FROM alerts WHERE workspace_id = $1', [
    workspaceId,
  ]);
  return Number(row?.count ?? 0);
}

/** A new alert, armed; the caller checks it against the current value in the same transaction. */
export async function insertAlert(tx: Queryable, workspaceId: string, params: AlertParams, now: Date): Promise<string> {
  const id = newId('alert');
  await tx.query(
    `INSERT INTO alerts (id, workspace_id, scope, scope_id, unit, threshold, armed, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, true, $7, $7)`,
    [id, workspaceId, params.scope, params.scopeId ?? null, params.unit, storedThreshold(params), now],
  );
  return id;
}

/** Sets an alert's whole definition and arms it again; false when the workspace has no such alert. */
export async function replaceAlert(
  tx: Queryable,
  workspaceId: string,
  alertId: string,
  params: AlertParams,
  now: Date,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE alerts SET scope = $3, scope_id = $4, unit = $5, threshold = $6, armed = true, updated_at = $7
      WHERE workspace_id = $1 AND id = $2 RETURNING id`,
    [workspaceId, alertId, params.scope, params.scopeId ?? null, params.unit, storedThreshold(params), now],
  );
  return rows.length > 0;
}

export async function readAlert(tx: Queryable, workspaceId: string, alertId: string): Promise<AlertRow | undefined> {
  const [row] = await tx.query<AlertRow>(`SELECT ${columns} FROM alerts WHERE workspace_id = $1 AND id = $2`, [
    workspaceId,
    alertId,
  ]);
  return row;
}

/** Deletes an alert and returns it as it was; undefined when the workspace has no such alert. */
export async function deleteAlert(tx: Queryable, workspaceId: string, alertId: string): Promise<AlertRow | undefined> {
  const [row] = await tx.query<AlertRow>(
    `DELETE FROM alerts WHERE workspace_id = $1 AND id = $2 RETURNING ${columns}`,
    [workspaceId, alertId],
  );
  return row;
}
