import type { GrantSource } from '@creditkit/rules';
import type { GrantReason } from '@creditkit/sdk/schemas';
import type { Queryable } from './database';

/** The spendable total of a workspace's grants at `now`: the `balance_after` every ledger row records. */
export async function grantTotal(tx: Queryable, workspaceId: string, now: Date): Promise<number> {
  const [row] = await tx.query<{ total: number }>(
    `SELECT COALESCE(SUM(remaining), 0)::bigint AS total FROM grants
      WHERE workspace_id = $1 AND effective_at <= $2 AND (expires_at IS NULL OR expires_at > $2)`,
    [workspaceId, now],
  );
  return Number(row?.total ?? 0);
}

/** What every unexpired grant of a workspace holds at `now`, pending ones included. */
export async function heldTotal(tx: Queryable, workspaceId: string, now: Date): Promise<number> {
  const [row] = await tx.query<{ total: number }>(
    `SELECT COALESCE(SUM(remaining), 0)::bigint AS total FROM grants
      WHERE workspace_id = $1 AND (expires_at IS NULL OR expires_at > $2)`,
    [workspaceId, now],
  );
  return Number(row?.total ?? 0);
}

export interface EntryInput {
  type: 'grant' | 'charge' | 'refund' | 'forfeited' | 'expired';
  grantId: string;
  chargeId?: string | null;
  /** Signed thousandths: negative for what leaves the grant. */
  credits: number;
  balanceAfter: number;
  reason?: string | null;
  now: Date;
}

/**
 * Moves credits in or out of one grant: the append-only ledger row and the grant's running total, in the
 * caller's transaction, so the total always equals the sum of the grant's rows.
 */
export async function writeEntry(tx: Queryable, workspaceId: string, entry: EntryInput): Promise<void> {
  await tx.query(
    `INSERT INTO ledger_entries (workspace_id, type, grant_id, charge_id, credits, balance_after, reason, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      workspaceId,
      entry.type,
      entry.grantId,
      entry.chargeId ?? null,
      entry.credits,
      entry.balanceAfter,
      entry.reason ?? null,
      entry.now,
    ],
  );
  if (entry.type !== 'grant') {
    await tx.query('UPDATE grants SET remaining = remaining + $1 WHERE id = $2', [entry.credits, entry.grantId]);
  }
}

export interface NewGrant {
  id: string;
  source: GrantSource;
  credits: number;
  effectiveAt: Date;
  expiresAt: Date | null;
  /** The reason its `grant` ledger row records, e.g. `purchase <id>`. */
  reason: string;
  /** Granted credits only (R28): their priority, reason and note. */
  granted?: { priority: number; reason: GrantReason; note: string | null };
}

export async function insertGrant(tx: Queryable, workspaceId: string, grant: NewGrant, now: Date): Promise<void> {
  const row = [grant.id, workspaceId, grant.source, grant.credits, grant.effectiveAt, grant.expiresAt, now];
  if (grant.granted === undefined) {
    // The columns every schema version has: the migration tests make workspaces on the schema a migration finds.
    await tx.query(
      `INSERT INTO grants (id, workspace_id, source, credits, remaining, effective_at, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $4, $5, $6, $7)`,
      row,
    );
  } else {
    const { priority, reason, note } = grant.granted;
    await tx.query(
      `INSERT INTO grants (id, workspace_id, source, credits, remaining, effective_at, expires_at, created_at, priority, reason, note)
       VALUES ($1, $2, $3, $4, $4, $5, $6, $7, $8, $9, $10)`,
      [...row, priority, reason, note],
    );
  }
  await writeEntry(tx, workspaceId, {
    type: 'grant',
    grantId: grant.id,
    credits: grant.credits,
    balanceAfter: await grantTotal(tx, workspaceId, now),
    reason: grant.reason,
    now,
  });
}

/**
 * Appends an event in the caller's transaction. The workspace row lock makes a workspace's events commit
 * in id order, so a stream that reads by increasing id never skips one that commits late.
 */
export async function emitEvent(
  tx: Queryable,
  workspaceId: string,
  type: string,
  data: unknown,
  now: Date,
): Promise<void> {
  await tx.query('SELECT 1 FROM workspaces WHERE id = $1 FOR UPDATE', [workspaceId]);
  await tx.query('INSERT INTO events (workspace_id, type, data, created_at) VALUES ($1, $2, $3, $4)', [
    workspaceId,
    type,
    JSON.stringify(data),
    now,
  ]);
}
