import type { Queryable } from './database';

/** One mutation's claim on an Idempotency-Key (R19): the route and a hash of the body it was sent with. */
export interface KeyClaim {
  key: string;
  route: string;
  bodyHash: string;
}

/** What a claim found: the key is ours now, or an earlier request's stored answer and body hash. */
export type ClaimResult = { claimed: true } | { claimed: false; bodyHash: string; answer: unknown };

/**
 * Claims every key in the caller's transaction, in one statement: a key nobody held is inserted with an
 * empty answer (filled by `saveAnswers` before the commit, so no other transaction ever sees it empty);
 * a key already held returns its first answer. Keys must be distinct.
 */
export async function claimKeys(
  tx: Queryable,
  workspaceId: string,
  claims: readonly KeyClaim[],
): Promise<Map<string, ClaimResult>> {
  const results = new Map<string, ClaimResult>();
  if (claims.length === 0) return results;
  const inserted = await tx.query<{ key: string }>(
    `INSERT INTO idempotency_keys (workspace_id, key, route, body_hash, status, response)
     SELECT $1, key, route, body_hash, 0, 'null' FROM unnest($2::text[], $3::text[], $4::text[]) AS c(key, route, body_hash)
     ON CONFLICT (workspace_id, key) DO NOTHING RETURNING key`,
    [workspaceId, claims.map((c) => c.key), claims.map((c) => c.route), claims.map((c) => c.bodyHash)],
  );
  for (const row of inserted) results.set(row.key, { claimed: true });
  const held = claims.filter((claim) => !results.has(claim.key)).map((claim) => claim.key);
  if (held.length > 0) {
    const rows = await tx.query<{ key: string; body_hash: string; response: unknown }>(
      'SELECT key, body_hash, response FROM idempotency_keys WHERE workspace_id = $1 AND key = ANY($2::text[])',
      [workspaceId, held],
    );
    for (const row of rows) results.set(row.key, { claimed: false, bodyHash: row.body_hash, answer: row.response });
  }
  return results;
}

/** Stores the answers of claimed keys, in the transaction that claimed them. */
export async function saveAnswers(
  tx: Queryable,
  workspaceId: string,
  answers: readonly { key: string; status: number; answer: unknown }[],
): Promise<void> {
  if (answers.length === 0) return;
  await tx.query(
    `UPDATE idempotency_keys AS k SET status = a.status, response = a.response::jsonb
       FROM unnest($2::text[], $3::int[], $4::text[]) AS a(key, status, response)
      WHERE k.workspace_id = $1 AND k.key = a.key`,
    [
      workspaceId,
      answers.map((a) => a.key),
      answers.map((a) => a.status),
      answers.map((a) => JSON.stringify(a.answer)),
    ],
  );
}

/**
 * Stores keys that were free, each with its first answer, in one statement: for a caller that found them free
 * under the workspace row lock it still holds (every writer of a workspace's keys takes that lock first), so no
 * one else can take them before the commit. A key a request answered with an error is simply not stored, so a
 * corrected retry may use it.
 */
export async function storeAnswers(
  tx: Queryable,
  workspaceId: string,
  answers: readonly { claim: KeyClaim; status: number; answer: unknown }[],
): Promise<void> {
  if (answers.length === 0) return;
  await tx.query(
    `INSERT INTO idempotency_keys (workspace_id, key, route, body_hash, status, response)
     SELECT $1, key, route, body_hash, status, response::jsonb
       FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[]) AS a(key, route, body_hash, status, response)`,
    [
      workspaceId,
      answers.map((a) => a.claim.key),
      answers.map((a) => a.claim.route),
      answers.map((a) => a.claim.bodyHash),
      answers.map((a) => a.status),
      answers.map((a) => JSON.stringify(a.answer)),
    ],
  );
}
