import type { Queryable } from '../../src/store/database';

/**
 * The ledger's running balance, entry by entry: never below 0, and each entry's `balance_after` is the one
 * before it plus its credits. Two writers deciding on the same stale balance would break the chain even if
 * the totals happened to add up. (Holds while no grant is pending or lapses by time alone.)
 */
export async function balanceChainBreaks(db: Queryable, workspaceId: string): Promise<string[]> {
  const entries = await db.query<{ id: number; type: string; credits: number; balance_after: number }>(
    'SELECT id, type, credits, balance_after FROM ledger_entries WHERE workspace_id = $1 ORDER BY id',
    [workspaceId],
  );
  const breaks: string[] = [];
  let balance = 0;
  for (const entry of entries) {
    balance += Number(entry.credits);
    if (Number(entry.balance_after) !== balance || balance < 0) {
      breaks.push(`${entry.type} entry ${entry.id}: balance_after ${entry.balance_after}, expected ${balance}`);
    }
  }
  return breaks;
}
