import { idempotencyKey } from '@creditkit/sdk/schemas';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { sha256Hex } from '../crypto/sha256';
import type { Database, Queryable } from '../store/database';
import { type ClaimResult, claimKeys, type KeyClaim, saveAnswers } from '../store/idempotency-keys';
import { readWorkspace } from '../store/workspaces';
import type { AppEnv } from './env';
import { ApiProblem } from './problem';
import { parse } from './validate';

export interface StoredAnswer {
  status: ContentfulStatusCode;
  body: unknown;
  /** A problem answer (a credit refusal) is stored and replayed like a success. */
  problem?: boolean;
  /** Set on the way out when the answer is an earlier request's, given again for a repeated key (never stored). */
  replayed?: true;
}

/** The request's Idempotency-Key as a claim on `route` with this body, or undefined when it sent none. */
export async function keyClaim(context: Context<AppEnv>, route: string, body: unknown): Promise<KeyClaim | undefined> {
  const header = context.req.header('idempotency-key');
  if (header === undefined) return undefined;
  const key = parse(idempotencyKey, header, 'Idempotency-Key');
  const bodyHash = await sha256Hex(`${route}\n${JSON.stringify(body)}`);
  return { key, route, bodyHash };
}

/** A key someone already held: its first answer when the request is the same, else a 409. */
export function replay(claim: KeyClaim, found: Exclude<ClaimResult, { claimed: true }> | undefined): StoredAnswer {
  if (found?.bodyHash !== claim.bodyHash) {
    throw new ApiProblem(
      409,
      'idempotency_conflict',
      'This Idempotency-Key was already used with a different request.',
    );
  }
  return { ...(found.answer as StoredAnswer), replayed: true };
}

/**
 * R19: runs a mutation once per Idempotency-Key. The key is claimed in the mutation's own transaction,
 * so a crash loses both or neither; a repeat gets the first answer; the same key with another body or
 * route is a 409. Without a key the mutation simply runs.
 *
 * Every mutation takes the workspace row lock first, before its key and before any row it writes: one lock
 * order for all writers of a workspace (charges take it first too), so two of them never wait on each other
 * in a cycle, and each sees the balance the one before it left.
 */
export async function idempotent(
  context: Context<AppEnv>,
  db: Database,
  route: string,
  body: unknown,
  run: (tx: Queryable) => Promise<StoredAnswer>,
): Promise<StoredAnswer> {
  const claim = await keyClaim(context, route, body);
  const { workspaceId } = context.get('caller');
  return db.transaction(async (tx) => {
    await readWorkspace(tx, workspaceId, true);
    if (claim === undefined) return run(tx);
    const found = (await claimKeys(tx, workspaceId, [claim])).get(claim.key);
    if (!found?.claimed) return replay(claim, found);
    const answer = await run(tx);
    await saveAnswers(tx, workspaceId, [{ key: claim.key, status: answer.status, answer }]);
    return answer;
  });
}
