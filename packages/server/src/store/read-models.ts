import { findPlan } from '../catalogue/plans';
import { toCredits } from '../ledger/amounts';
import type { Queryable } from './database';
import type { ChargeRow, LedgerEntryRow } from './rows';
import { toIsoTimestamp } from './timestamps';
import { readWorkspace } from './workspaces';

export function ledgerEntryView(row: LedgerEntryRow) {
  return {
    id: String(row.id),
    type: row.type,
    grantId: row.grant_id,
    chargeId: row.charge_id,
    credits: toCredits(row.credits),
    balanceAfter: toCredits(row.balance_after),
    reason: row.reason,
    createdAt: toIsoTimestamp(row.created_at),
  };
}

/** A charge as the API answers it (DESIGN.md §2), with its ledger rows. */
export async function readCharge(tx: Queryable, workspaceId: string, chargeId: string) {
  const [row] = await tx.query<ChargeRow>('SELECT * FROM charges WHERE workspace_id = $1 AND id = $2', [
    workspaceId,
    chargeId,
  ]);
  if (!row) return null;
  const entries = await tx.query<LedgerEntryRow>('SELECT * FROM ledger_entries WHERE charge_id = $1 ORDER BY id', [
    chargeId,
  ]);
  return {
    id: row.id,
    actionId: row.action_id,
    workbookId: row.workbook_id,
    recordId: row.record_id,
    field: row.field,
    enrichmentId: row.enrichment_id,
    audienceId: row.audience_id,
    runId: row.run_id,
    credits: toCredits(row.credits),
    status: row.status,
    refundReason: row.refund_reason,
    ledgerEntries: entries.map(ledgerEntryView),
    createdAt: toIsoTimestamp(row.created_at),
  };
}

/**
 * The balance (R1, R3, R7): spendable is what effective, unexpired grants hold less what open runs
 * reserve; pending is what grants not yet effective hold, and while there is some, the renewal that
 * made it is `processing` until it becomes effective.
 */
export async function readBalance(tx: Queryable, workspaceId: string, now: Date) {
  const workspace = await readWorkspace(tx, workspaceId);
  if (!workspace) return null;
  const plan = findPlan(workspace.plan_id);
  const grants = await tx.query<{
    source: 'plan' | 'rollover' | 'purchased';
    remaining: number;
    effective_at: Date;
    expires_at: Date | null;
  }>(
    `SELECT source, remaining, effective_at, expires_at FROM grants
      WHERE workspace_id = $1 AND remaining > 0 AND (expires_at IS NULL OR expires_at > $2)`,
    [workspaceId, now],
  );
  const [reserved] = await tx.query<{ total: number }>(
    "SELECT COALESCE(SUM(budget - spent), 0)::bigint AS total FROM runs WHERE workspace_id = $1 AND status = 'running'",
    [workspaceId],
  );
  const bySource = { plan: 0, rollover: 0, purchased: 0 };
  let pending = 0;
  let expectedBy: Date | null = null;
  for (const grant of grants) {
    if (new Date(grant.effective_at) > now) {
      pending += grant.remaining;
      if (!expectedBy || new Date(grant.effective_at) > expectedBy) expectedBy = new Date(grant.effective_at);
    } else {
      bySource[grant.source] += grant.remaining;
    }
  }
  const total = bySource.plan + bySource.rollover + bySource.purchased;
  const allowance = plan?.credits ?? 0;
  return {
    spendable: toCredits(Math.max(0, total - Number(reserved?.total ?? 0))),
    pending: toCredits(pending),
    allowance: toCredits(allowance),
    rolloverCap: plan?.rollover.policy === 'balance_cap' ? toCredits(plan.rollover.value * allowance) : null,
    periodStart: toIsoTimestamp(workspace.period_start),
    periodEnd: toIsoTimestamp(workspace.period_end),
    renewal: { status: expectedBy ? 'processing' : 'none', expectedBy: toIsoTimestamp(expectedBy) },
    bySource: {
      plan: toCredits(bySource.plan),
      rollover: toCredits(bySource.rollover),
      purchased: toCredits(bySource.purchased),
    },
  };
}
