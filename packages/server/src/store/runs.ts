import { spendableBalance } from '@creditkit/rules';
import type { Queryable } from './database';
import { emitEvent } from './ledger-writes';
import { readBalance } from './read-models';
import { type GrantRow, grantColumns, toGrantState } from './rows';
import { checkThresholds } from './threshold-checks';
import { readWorkspace } from './workspaces';

export interface RunRow {
  id: string;
  workbook_id: string;
  enrichment_id: string | null;
  model: string | null;
  budget: number;
  spent: number;
  status: 'running' | 'completed';
  stopped: boolean;
  created_at: Date;
  completed_at: Date | null;
}

export async function readRun(tx: Queryable, workspaceId: string, runId: string): Promise<RunRow | undefined> {
  const [row] = await tx.query<RunRow>('SELECT * FROM runs WHERE workspace_id = $1 AND id = $2', [workspaceId, runId]);
  return row;
}

export interface RunRequest {
  runId: string;
  workbookId: string;
  enrichmentId?: string | undefined;
  model?: string | undefined;
  budget: number;
}

/**
 * R9: a run reserves its whole budget up front, so it can be opened only when the spendable balance
 * (less what other runs already hold) covers it.
 */
export async function openRun(
  tx: Queryable,
  workspaceId: string,
  request: RunRequest,
  now: Date,
): Promise<{ outcome: 'opened' | 'exists' } | { outcome: 'insufficient'; available: number }> {
  await readWorkspace(tx, workspaceId, true);
  if (await readRun(tx, workspaceId, request.runId)) return { outcome: 'exists' };
  const grants = await tx.query<GrantRow>(
    `SELECT ${grantColumns} FROM grants WHERE workspace_id = $1 AND remaining > 0`,
    [workspaceId],
  );
  const [reserved] = await tx.query<{ total: number }>(
    "SELECT COALESCE(SUM(budget - spent), 0)::bigint AS total FROM runs WHERE workspace_id = $1 AND status = 'running'",
    [workspaceId],
  );
  const available = spendableBalance(grants.map(toGrantState), Number(reserved?.total ?? 0), now);
  if (request.budget > available) return { outcome: 'insufficient', available };
  await tx.query(
    `INSERT INTO runs (workspace_id, id, workbook_id, enrichment_id, model, budget, status, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'running', $7)`,
    [
      workspaceId,
      request.runId,
      request.workbookId,
      request.enrichmentId ?? null,
      request.model ?? null,
      request.budget,
      now,
    ],
  );
  // The run's budget is now reserved: the spendable balance went down (R9).
  await emitEvent(tx, workspaceId, 'balance.updated', await readBalance(tx, workspaceId, now), now);
  await checkThresholds(tx, workspaceId, now);
  return { outcome: 'opened' };
}

/**
 * Ends a run: what it charged stays charged (R16) and its unspent budget is no longer reserved. `stopped` says
 * it ended midway; only the first completion says how the run ended, so a later stop or complete changes nothing.
 */
export async function completeRun(
  tx: Queryable,
  workspaceId: string,
  runId: string,
  now: Date,
  how: { stopped: boolean } = { stopped: false },
): Promise<boolean> {
  // Workspace row first, as a charge takes its locks, so the two never wait on each other in a cycle.
  await readWorkspace(tx, workspaceId, true);
  const rows = await tx.query<{ released: boolean }>(
    `UPDATE runs AS r SET status = 'completed', completed_at = COALESCE(r.completed_at, $3),
            stopped = CASE WHEN before.status = 'running' THEN $4 ELSE before.stopped END
       FROM runs AS before
      WHERE r.workspace_id = $1 AND r.id = $2 AND before.workspace_id = r.workspace_id AND before.id = r.id
      RETURNING before.status = 'running' AND before.budget > before.spent AS released`,
    [workspaceId, runId, now, how.stopped],
  );
  const [run] = rows;
  // What the run did not spend is no longer reserved: the spendable balance went up (R9).
  if (run?.released) {
    await emitEvent(tx, workspaceId, 'balance.updated', await readBalance(tx, workspaceId, now), now);
    await checkThresholds(tx, workspaceId, now);
  }
  return run !== undefined;
}
