import { periodEnd } from '@creditkit/rules';
import { findPlan } from '../catalogue/plans';
import { randomBase64url } from '../crypto/random';
import { sha256Hex } from '../crypto/sha256';
import type { Database, Queryable } from './database';
import { newId } from './ids';
import { insertGrant } from './ledger-writes';
import type { WorkspaceRow } from './rows';

/** Secret keys are stored as their SHA-256 (hex): they are long random strings, so a slow hash adds nothing. */
export function hashSecret(secret: string): Promise<string> {
  return sha256Hex(secret);
}

export async function createWorkspace(
  db: Database,
  planId: string,
  now: Date,
): Promise<{ workspaceId: string; secretKey: string }> {
  const plan = findPlan(planId);
  if (!plan) throw new RangeError(`Unknown plan ${planId}`);
  const workspaceId = newId('ws');
  const secretKey = `sk_${randomBase64url(24)}`;
  const keyHash = await hashSecret(secretKey);
  const end = periodEnd(plan, now);
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO workspaces (id, plan_id, period_start, period_end) VALUES ($1, $2, $3, $4)', [
      workspaceId,
      plan.id,
      now,
      end,
    ]);
    await tx.query('INSERT INTO secret_keys (key_hash, workspace_id) VALUES ($1, $2)', [keyHash, workspaceId]);
    await insertGrant(
      tx,
      workspaceId,
      {
        id: newId('grant'),
        source: 'plan',
        credits: plan.credits,
        effectiveAt: now,
        expiresAt: end,
        reason: `plan ${plan.id}`,
      },
      now,
    );
  });
  return { workspaceId, secretKey };
}

export async function workspaceOfSecretKey(db: Queryable, secretKey: string): Promise<string | null> {
  const [row] = await db.query<{ workspace_id: string }>('SELECT workspace_id FROM secret_keys WHERE key_hash = $1', [
    await hashSecret(secretKey),
  ]);
  return row?.workspace_id ?? null;
}

/** Reads the workspace row, locked for the rest of the transaction when `lock` is set. */
export async function readWorkspace(tx: Queryable, workspaceId: string, lock = false): Promise<WorkspaceRow | null> {
  const [row] = await tx.query<WorkspaceRow>(
    `SELECT id, plan_id, period_start, period_end, scheduled_plan_id FROM workspaces WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [workspaceId],
  );
  return row ?? null;
}
