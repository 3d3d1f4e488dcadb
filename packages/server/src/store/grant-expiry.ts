import { expiredRemainders, toCredits } from '@creditkit/rules';
import type { Database, Queryable } from './database';
import { emitEvent, grantTotal, writeEntry } from './ledger-writes';
import { grantView, readBalance } from './read-models';
import { type GrantRow, grantColumns, toGrantState } from './rows';
import { checkThresholds } from './threshold-checks';
import { readWorkspace } from './workspaces';

/**
 * R28: writes off what is left of the workspace's granted credits whose expiry has come, one `expired` ledger row
 * per grant, and says so (`grant.expired`, then `balance.updated`). Exactly once per remainder, however many
 * servers run it at the same moment: it takes the workspace row lock first (the one lock order of every
 * mutation), reads the clock and the grants only then, so a second run waits for the first to commit and finds
 * nothing left. The balance already left the credits out from the expiry on (R1); the row makes the ledger say so.
 * Returns how many grants it wrote off.
 */
export async function expireGrants(tx: Queryable, workspaceId: string, clock: () => Date): Promise<number> {
  if (!(await readWorkspace(tx, workspaceId, true))) return 0;
  const now = clock();
  const due = await tx.query<GrantRow>(
    `SELECT ${grantColumns} FROM grants
      WHERE workspace_id = $1 AND source = 'granted' AND remaining > 0 AND expires_at <= $2
      ORDER BY expires_at, id FOR UPDATE`,
    [workspaceId, now],
  );
  const remainders = expiredRemainders(due.map(toGrantState), now);
  if (remainders.length === 0) return 0;
  // Expired grants are outside the balance already, so every row's `balance_after` is the balance as it stands.
  const balance = await grantTotal(tx, workspaceId, now);
  for (const { grantId, amount } of remainders) {
    await writeEntry(tx, workspaceId, {
      type: 'expired',
      grantId,
      credits: -amount,
      balanceAfter: balance,
      reason: 'expired',
      now,
    });
    const row = due.find((candidate) => candidate.id === grantId) as GrantRow;
    await emitEvent(
      tx,
      workspaceId,
      'grant.expired',
      { grant: grantView({ ...row, remaining: row.remaining - amount }), expired: toCredits(amount) },
      now,
    );
  }
  await emitEvent(tx, workspaceId, 'balance.updated', await readBalance(tx, workspaceId, now), now);
  // R25: what expired left the balance, which may cross a balance alert.
  await checkThresholds(tx, workspaceId, now);
  return remainders.length;
}

/**
 * Writes off the granted credits of every workspace that has some past their expiry, a workspace per
 * transaction; the server runs this on its minute timer, beside renewals.
 */
export async function expireDueGrants(db: Database, clock: () => Date): Promise<number> {
  const due = await db.query<{ workspace_id: string }>(
    `SELECT DISTINCT workspace_id FROM grants
      WHERE source = 'granted' AND remaining > 0 AND expires_at <= $1 LIMIT 500`,
    [clock()],
  );
  let expired = 0;
  for (const { workspace_id } of due) expired += await db.transaction((tx) => expireGrants(tx, workspace_id, clock));
  return expired;
}
