import { findAction } from '../catalogue/actions';
import { findModel } from '../catalogue/models';
import { type ChargeDecision, decideCharge } from '../ledger/charge';
import { priceTokens } from '../ledger/pricing';
import { decideRefund } from '../ledger/refund';
import type { LimitState, Refusal } from '../ledger/types';
import type { Queryable } from './database';
import { newId } from './ids';
import { emitEvent, grantTotal, writeEntry } from './ledger-writes';
import { readBalance, readCharge } from './read-models';
import { type ChargeRow, type GrantRow, type SpendRow, toGrantState } from './rows';
import { readWorkspace } from './workspaces';

export interface ChargeRequest {
  actionId: string;
  workbookId: string;
  recordId: string;
  field: string;
  enrichmentId?: string | undefined;
  audienceId?: string | undefined;
  runId?: string | undefined;
  usage?: { inputTokens: number; outputTokens: number } | undefined;
}

export type ChargeOutcome =
  | { outcome: 'done'; chargeId: string }
  | { outcome: 'refused'; refusal: Refusal }
  | { outcome: 'unknown'; what: 'action' | 'run' | 'workspace' };

async function spendRow(
  tx: Queryable,
  workspaceId: string,
  scope: SpendRow['scope'],
  scopeId: string,
): Promise<SpendRow> {
  await tx.query(
    'INSERT INTO spend (workspace_id, scope, scope_id) VALUES ($1, $2, $3) ON CONFLICT (workspace_id, scope, scope_id) DO NOTHING',
    [workspaceId, scope, scopeId],
  );
  const [row] = await tx.query<SpendRow>(
    `SELECT scope, scope_id, spent, limit_enabled, credit_limit, reached_notified FROM spend
      WHERE workspace_id = $1 AND scope = $2 AND scope_id = $3 FOR UPDATE`,
    [workspaceId, scope, scopeId],
  );
  if (!row) throw new Error('spend row vanished inside its transaction');
  return row;
}

const toLimit = (row: SpendRow): LimitState => ({
  id: row.scope_id,
  enabled: row.limit_enabled,
  limit: row.credit_limit,
  spent: row.spent,
});

/**
 * One charge, in the caller's transaction: the workspace row is locked first, so charges of one workspace
 * are decided one after the other against the state the previous one left; a refusal writes no charge.
 */
export async function createCharge(
  tx: Queryable,
  workspaceId: string,
  request: ChargeRequest,
  now: Date,
): Promise<ChargeOutcome> {
  const action = findAction(request.actionId);
  if (!action) return { outcome: 'unknown', what: 'action' };
  if (!(await readWorkspace(tx, workspaceId, true))) return { outcome: 'unknown', what: 'workspace' };

  const model = action.model === null ? undefined : findModel(action.model);
  const price =
    model && request.usage
      ? priceTokens(model.rates, request.usage.inputTokens, request.usage.outputTokens)
      : action.price;

  const [paid] = await tx.query<{ charge_id: string }>(
    'SELECT charge_id FROM dedup_keys WHERE workspace_id = $1 AND record_id = $2 AND field = $3',
    [workspaceId, request.recordId, request.field],
  );
  const [ownKey] = await tx.query('SELECT 1 FROM integration_keys WHERE workspace_id = $1 AND provider = $2', [
    workspaceId,
    action.provider,
  ]);
  let run: { id: string; budget: number; spent: number; status: 'running' | 'completed' } | undefined;
  if (request.runId !== undefined) {
    [run] = await tx.query(
      'SELECT id, budget, spent, status FROM runs WHERE workspace_id = $1 AND id = $2 FOR UPDATE',
      [workspaceId, request.runId],
    );
    if (!run) return { outcome: 'unknown', what: 'run' };
  }
  const workbook = await spendRow(tx, workspaceId, 'workbook', request.workbookId);
  const enrichment =
    request.enrichmentId === undefined
      ? undefined
      : await spendRow(tx, workspaceId, 'enrichment', request.enrichmentId);
  const grants = await tx.query<GrantRow>(
    `SELECT id, source, credits, remaining, effective_at, expires_at, created_at FROM grants
      WHERE workspace_id = $1 AND remaining > 0 FOR UPDATE`,
    [workspaceId],
  );
  const [reserved] = await tx.query<{ total: number }>(
    `SELECT COALESCE(SUM(budget - spent), 0)::bigint AS total FROM runs
      WHERE workspace_id = $1 AND status = 'running' AND id IS DISTINCT FROM $2`,
    [workspaceId, request.runId ?? null],
  );

  const decision: ChargeDecision = decideCharge({
    now,
    price,
    ownKey: ownKey !== undefined,
    paidBy: paid?.charge_id ?? null,
    run: run ?? null,
    enrichmentLimit: enrichment ? toLimit(enrichment) : null,
    workbookLimit: toLimit(workbook),
    grants: grants.map(toGrantState),
    reservedByOtherRuns: Number(reserved?.total ?? 0),
  });

  if (decision.outcome === 'refused') {
    const blocking =
      decision.scope === 'workbook' ? workbook : decision.scope === 'enrichment' ? enrichment : undefined;
    // R12: the first refusal by a limit is announced once, until the limit changes.
    if (blocking && !blocking.reached_notified) {
      await tx.query(
        'UPDATE spend SET reached_notified = true WHERE workspace_id = $1 AND scope = $2 AND scope_id = $3',
        [workspaceId, blocking.scope, blocking.scope_id],
      );
      await emitEvent(tx, workspaceId, 'limit.reached', refusalDetails(decision), now);
    }
    return { outcome: 'refused', refusal: decision };
  }

  const chargeId = newId('charge');
  const credits = decision.outcome === 'charged' ? price : 0;
  const status = decision.outcome;
  await tx.query(
    `INSERT INTO charges (id, workspace_id, action_id, provider, model, workbook_id, record_id, field, enrichment_id,
       audience_id, run_id, credits, status, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      chargeId,
      workspaceId,
      action.id,
      action.provider,
      action.model,
      request.workbookId,
      request.recordId,
      request.field,
      request.enrichmentId ?? null,
      request.audienceId ?? null,
      request.runId ?? null,
      credits,
      status,
      now,
    ],
  );
  if (decision.outcome === 'deduplicated') return { outcome: 'done', chargeId };

  await tx.query('INSERT INTO dedup_keys (workspace_id, record_id, field, charge_id) VALUES ($1, $2, $3, $4)', [
    workspaceId,
    request.recordId,
    request.field,
    chargeId,
  ]);
  if (decision.outcome === 'charged' && credits > 0) {
    let balance = await grantTotal(tx, workspaceId, now);
    for (const debit of decision.debits) {
      balance -= debit.amount;
      await writeEntry(tx, workspaceId, {
        type: 'charge',
        grantId: debit.grantId,
        chargeId,
        credits: -debit.amount,
        balanceAfter: balance,
        now,
      });
    }
    await addSpend(
      tx,
      workspaceId,
      { workbookId: request.workbookId, enrichmentId: request.enrichmentId, runId: request.runId },
      credits,
    );
    await emitEvent(tx, workspaceId, 'balance.updated', await readBalance(tx, workspaceId, now), now);
  }
  return { outcome: 'done', chargeId };
}

/** Adds (or, for a refund, subtracts) a charge's credits to the spend of its workbook, enrichment and run. */
async function addSpend(
  tx: Queryable,
  workspaceId: string,
  scope: { workbookId: string; enrichmentId: string | null | undefined; runId: string | null | undefined },
  credits: number,
): Promise<void> {
  await tx.query(
    "UPDATE spend SET spent = spent + $1 WHERE workspace_id = $2 AND scope = 'workbook' AND scope_id = $3",
    [credits, workspaceId, scope.workbookId],
  );
  if (scope.enrichmentId) {
    await tx.query(
      "UPDATE spend SET spent = spent + $1 WHERE workspace_id = $2 AND scope = 'enrichment' AND scope_id = $3",
      [credits, workspaceId, scope.enrichmentId],
    );
  }
  if (scope.runId) {
    await tx.query('UPDATE runs SET spent = spent + $1 WHERE workspace_id = $2 AND id = $3', [
      credits,
      workspaceId,
      scope.runId,
    ]);
  }
}

export function refusalDetails(refusal: Refusal) {
  return {
    scope: refusal.scope,
    id: refusal.id,
    limit: refusal.limit / 1000,
    spent: refusal.spent / 1000,
    remaining: refusal.remaining / 1000,
  };
}

/**
 * R15: gives a charge's credits back to the grants they came from, lowers the workbook, enrichment and run
 * spend, and releases the dedup key. A second refund finds the charge refunded and changes nothing.
 */
export async function refundCharge(
  tx: Queryable,
  workspaceId: string,
  chargeId: string,
  reason: string,
  now: Date,
): Promise<'refunded' | 'already_refunded' | 'unknown'> {
  await readWorkspace(tx, workspaceId, true);
  const [charge] = await tx.query<ChargeRow>('SELECT * FROM charges WHERE workspace_id = $1 AND id = $2 FOR UPDATE', [
    workspaceId,
    chargeId,
  ]);
  if (!charge) return 'unknown';
  const debits = await tx.query<{ grant_id: string; credits: number }>(
    "SELECT grant_id, credits FROM ledger_entries WHERE charge_id = $1 AND type = 'charge' ORDER BY id",
    [chargeId],
  );
  const decision = decideRefund(
    charge.status,
    debits.map((row) => ({ grantId: row.grant_id, amount: -row.credits })),
  );
  if (decision.outcome === 'already_refunded') return 'already_refunded';

  let balance = await grantTotal(tx, workspaceId, now);
  for (const credit of decision.credits) {
    await tx.query('SELECT 1 FROM grants WHERE id = $1 FOR UPDATE', [credit.grantId]);
    balance += credit.amount;
    await writeEntry(tx, workspaceId, {
      type: 'refund',
      grantId: credit.grantId,
      chargeId,
      credits: credit.amount,
      balanceAfter: balance,
      reason,
      now,
    });
  }
  if (charge.status === 'charged' && charge.credits > 0) {
    await addSpend(
      tx,
      workspaceId,
      { workbookId: charge.workbook_id, enrichmentId: charge.enrichment_id, runId: charge.run_id },
      -charge.credits,
    );
  }
  await tx.query('DELETE FROM dedup_keys WHERE workspace_id = $1 AND charge_id = $2', [workspaceId, chargeId]);
  await tx.query("UPDATE charges SET status = 'refunded', refund_reason = $1, refunded_at = $2 WHERE id = $3", [
    reason,
    now,
    chargeId,
  ]);
  await emitEvent(tx, workspaceId, 'charge.refunded', await readCharge(tx, workspaceId, chargeId), now);
  await emitEvent(tx, workspaceId, 'balance.updated', await readBalance(tx, workspaceId, now), now);
  return 'refunded';
}
