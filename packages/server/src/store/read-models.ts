import type { GrantState } from '@creditkit/rules';
import { spendableBalance, type Thousandths, toCredits } from '@creditkit/rules';
import { findPlan } from '../catalogue/plans';
import type { Queryable } from './database';
import {
  type ChargeRow,
  type GrantJson,
  type GrantRow,
  grantColumns,
  type LedgerEntryRow,
  toGrantState,
  type WorkspaceRow,
} from './rows';
import { toIsoTimestamp } from './timestamps';

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

/** A grant as the API answers it (the `grant` schema of the contract). */
export function grantView(row: GrantRow) {
  return {
    id: row.id,
    source: row.source,
    credits: toCredits(row.credits),
    remaining: toCredits(row.remaining),
    effectiveAt: toIsoTimestamp(row.effective_at),
    expiresAt: toIsoTimestamp(row.expires_at),
    priority: row.priority,
    reason: row.reason,
    note: row.note,
    createdAt: toIsoTimestamp(row.created_at),
  };
}

/** A charge as the API answers it (the `charge` schema of the contract), with its ledger rows. */
export function chargeView(row: ChargeRow, entries: readonly LedgerEntryRow[]) {
  return {
    id: row.id,
    actionId: row.action_id,
    workbookId: row.workbook_id,
    recordId: row.record_id,
    field: row.field,
    enrichmentId: row.enrichment_id,
    audienceId: row.audience_id,
    runId: row.run_id,
    trigger: row.trigger,
    credits: toCredits(row.credits),
    status: row.status,
    refundReason: row.refund_reason,
    ledgerEntries: entries.map(ledgerEntryView),
    createdAt: toIsoTimestamp(row.created_at),
  };
}

export type ChargeView = ReturnType<typeof chargeView>;

export async function readCharge(tx: Queryable, workspaceId: string, chargeId: string): Promise<ChargeView | null> {
  const [row] = await tx.query<ChargeRow>('SELECT * FROM charges WHERE workspace_id = $1 AND id = $2', [
    workspaceId,
    chargeId,
  ]);
  if (!row) return null;
  const entries = await tx.query<LedgerEntryRow>('SELECT * FROM ledger_entries WHERE charge_id = $1 ORDER BY id', [
    chargeId,
  ]);
  return chargeView(row, entries);
}

/**
 * The balance (R1, R3, R7): spendable is what effective, unexpired grants hold less what open runs
 * reserve; pending is what grants not yet effective hold, and while there is some, the renewal that
 * made it is `processing` until it becomes effective.
 */
export function balanceView(workspace: WorkspaceRow, grants: readonly GrantState[], reserved: Thousandths, now: Date) {
  const plan = findPlan(workspace.plan_id);
  const bySource: Record<GrantState['source'], Thousandths> = { plan: 0, rollover: 0, purchased: 0, granted: 0 };
  let pending = 0;
  let expectedBy: Date | null = null;
  for (const grant of grants) {
    if (grant.remaining <= 0 || (grant.expiresAt !== null && grant.expiresAt <= now)) continue;
    if (grant.effectiveAt > now) {
      pending += grant.remaining;
      if (!expectedBy || grant.effectiveAt > expectedBy) expectedBy = grant.effectiveAt;
    } else {
      bySource[grant.source] += grant.remaining;
    }
  }
  const allowance = plan?.credits ?? 0;
  return {
    spendable: toCredits(spendableBalance(grants, reserved, now)),
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
      granted: toCredits(bySource.granted),
    },
  };
}

/**
 * The workspace, its spendable grants and what open runs reserve, in one statement: one snapshot, so a balance read
 * outside a transaction never pairs grants with runs of another moment, and one round trip for a route clients poll.
 */
export async function readBalance(tx: Queryable, workspaceId: string, now: Date) {
  const [row] = await tx.query<WorkspaceRow & { grants: GrantJson[]; reserved: number }>(
    `SELECT w.id, w.plan_id, w.period_start, w.period_end, w.scheduled_plan_id,
       (SELECT COALESCE(json_agg(g), '[]') FROM (
          SELECT ${grantColumns} FROM grants
           WHERE workspace_id = w.id AND remaining > 0 AND (expires_at IS NULL OR expires_at > $2)) AS g) AS grants,
       (SELECT COALESCE(SUM(budget - spent), 0)::bigint FROM runs
         WHERE workspace_id = w.id AND status = 'running') AS reserved
     FROM workspaces w WHERE w.id = $1`,
    [workspaceId, now],
  );
  if (!row) return null;
  return balanceView(row, row.grants.map(toGrantState), Number(row.reserved), now);
}
