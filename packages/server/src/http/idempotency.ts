import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Database, Queryable } from '../store/database';
import type { AppEnv } from './env';
import { ApiProblem } from './problem';

export interface StoredAnswer {
  status: ContentfulStatusCode;
  body: unknown;
  /** A problem answer (a credit refusal) is stored and replayed like a success. */
  problem?: boolean;
}

const maxKeyLength = 255;

/**
 * R19: runs a mutation once per Idempotency-Key. The key is claimed in the mutation's own transaction,
 * so a crash loses both or neither; a repeat gets the first answer; the same key with another body or
 * route is a 409. Without a key the mutation simply runs.
 */
export async function idempotent(
  context: Context<AppEnv>,
  db: Database,
  route: string,
  body: unknown,
  run: (tx: Queryable) => Promise<StoredAnswer>,
): Promise<StoredAnswer> {
  const key = context.req.header('idempotency-key');
  const { workspaceId } = context.get('caller');
  if (key === undefined) return db.transaction(run);
  if (key === '' || key.length > maxKeyLength) {
    throw new ApiProblem(400, 'validation_failed', `An Idempotency-Key has 1 to ${maxKeyLength} characters.`);
  }
  const bodyHash = createHash('sha256')
    .update(`${route}\n${JSON.stringify(body)}`)
    .digest('hex');
  return db.transaction(async (tx) => {
    const claimed = await tx.query(
      `INSERT INTO idempotency_keys (workspace_id, key, route, body_hash, status, response)
       VALUES ($1, $2, $3, $4, 0, 'null') ON CONFLICT (workspace_id, key) DO NOTHING RETURNING key`,
      [workspaceId, key, route, bodyHash],
    );
    if (claimed.length === 0) {
      const [first] = await tx.query<{ body_hash: string; status: number; response: StoredAnswer }>(
        'SELECT body_hash, status, response FROM idempotency_keys WHERE workspace_id = $1 AND key = $2',
        [workspaceId, key],
      );
      if (!first || first.body_hash !== bodyHash) {
        throw new ApiProblem(
          409,
          'idempotency_conflict',
          'This Idempotency-Key was already used with a different request.',
        );
      }
      return first.response;
    }
    const answer = await run(tx);
    await tx.query('UPDATE idempotency_keys SET status = $1, response = $2 WHERE workspace_id = $3 AND key = $4', [
      answer.status,
      JSON.stringify(answer),
      workspaceId,
      key,
    ]);
    return answer;
  });
}
