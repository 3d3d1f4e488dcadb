import { planRenewal, spendableGrants } from '@creditkit/rules';
import { findPlan } from '../catalogue/plans';
import type { Database, Queryable } from './database';
import { newId } from './ids';
import { emitEvent, grantTotal, insertGrant, writeEntry } from './ledger-writes';
import { readBalance } from './read-models';
import { type GrantRow, grantColumns, toGrantState } from './rows';
import { checkThresholds } from './threshold-checks';
import { readWorkspace } from './workspaces';

/**
 * A period-end renewal (R3–R7) in one transaction: what does not roll over is written as `forfeited`
 * rows, what rolls leaves its old grant (`expired` rows) for one new rollover grant, a scheduled plan
 * change (R6) or a trial's end (R5) takes effect, and the new allowance becomes spendable after the
 * renewal delay (R7). `periodEnd` is when the ending period ends: its stored end, or now when forced.
 * The clock is read once the workspace row is locked, so a grant another writer made while this waited is
 * already effective and every `balance_after` follows commit order.
 */
export async function renewWorkspace(
  tx: Queryable,
  workspaceId: string,
  clock: () => Date,
  delayMs: number,
  force: boolean,
): Promise<boolean> {
  const workspace = await readWorkspace(tx, workspaceId, true);
  if (!workspace) return false;
  const now = clock();
  const storedEnd = new Date(workspace.period_end);
  if (!force && storedEnd > now) return true;
  const plan = findPlan(workspace.plan_id);
  const nextPlan = findPlan(workspace.scheduled_plan_id ?? plan?.thenPlanId ?? workspace.plan_id);
  if (!plan || !nextPlan) throw new Error(`workspace ${workspaceId} is on an unknown plan`);

  const grants = await tx.query<GrantRow>(
    `SELECT ${grantColumns} FROM grants
      WHERE workspace_id = $1 AND remaining > 0 FOR UPDATE`,
    [workspaceId],
  );
  const states = grants.map(toGrantState);
  const renewal = planRenewal({ now, plan, nextPlan, periodEnd: force ? now : storedEnd, grants: states, delayMs });

  // Only credits the balance still holds lower it. Renewed on time (by the timer, once the period has ended) the
  // ending period's grants expired at its end and left the balance then (R1): their rows move nothing it holds.
  // Renewed early (the dev route) they are still in it.
  const inBalance = new Set(spendableGrants(states, now).map((grant) => grant.id));
  let balance = await grantTotal(tx, workspaceId, now);
  for (const { grantId, amount } of renewal.forfeits) {
    if (inBalance.has(grantId)) balance -= amount;
    await writeEntry(tx, workspaceId, {
      type: 'forfeited',
      grantId,
      credits: -amount,
      balanceAfter: balance,
      reason: 'renewal',
      now,
    });
  }
  for (const { grantId, amount } of renewal.carried) {
    if (inBalance.has(grantId)) balance -= amount;
    await writeEntry(tx, workspaceId, {
      type: 'expired',
      grantId,
      credits: -amount,
      balanceAfter: balance,
      reason: 'rolled over',
      now,
    });
  }
  if (renewal.rollover > 0) {
    await insertGrant(
      tx,
      workspaceId,
      {
        id: newId('grant'),
        source: 'rollover',
        credits: renewal.rollover,
        effectiveAt: now,
        expiresAt: renewal.nextPeriodEnd,
        reason: 'rollover',
      },
      now,
    );
  }
  if (renewal.allowance.amount > 0) {
    await insertGrant(
      tx,
      workspaceId,
      {
        id: newId('grant'),
        source: 'plan',
        credits: renewal.allowance.amount,
        effectiveAt: renewal.allowance.effectiveAt,
        expiresAt: renewal.nextPeriodEnd,
        reason: `plan ${nextPlan.id}`,
      },
      now,
    );
  }
  await tx.query(
    'UPDATE workspaces SET plan_id = $1, period_start = $2, period_end = $3, scheduled_plan_id = NULL WHERE id = $4',
    [nextPlan.id, renewal.nextPeriodStart, renewal.nextPeriodEnd, workspaceId],
  );
  await emitEvent(tx, workspaceId, 'renewal.completed', await readBalance(tx, workspaceId, now), now);
  await checkThresholds(tx, workspaceId, now);
  return true;
}

/** Renews every workspace whose period has ended; the server runs this on a timer. */
export async function renewDueWorkspaces(db: Database, clock: () => Date, delayMs: number): Promise<number> {
  const due = await db.query<{ id: string }>(
    'SELECT id FROM workspaces WHERE period_end <= $1 ORDER BY period_end LIMIT 500',
    [clock()],
  );
  for (const { id } of due) await db.transaction((tx) => renewWorkspace(tx, id, clock, delayMs, false));
  return due.length;
}
