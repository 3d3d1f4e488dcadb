import type { Queryable } from './database';

export interface Discrepancy {
  kind: 'grant_remaining' | 'spend' | 'run_spent';
  id: string;
  recorded: number;
  fromEntries: number;
}

/**
 * Proves the running totals are what the append-only entries say: each grant's remaining is the sum of
 * its ledger rows, each workbook's and enrichment's spend and each run's spent is the sum of its charges
 * still charged. An empty answer means the ledger reconciles.
 */
export async function reconcile(db: Queryable, workspaceId?: string): Promise<Discrepancy[]> {
  const scope = workspaceId === undefined ? '' : 'AND g.workspace_id = $1';
  const params = workspaceId === undefined ? [] : [workspaceId];
  const grants = await db.query<{ id: string; recorded: number; from_entries: number }>(
    `SELECT g.id, g.remaining AS recorded, COALESCE(SUM(e.credits), 0)::bigint AS from_entries
       FROM grants g LEFT JOIN ledger_entries e ON e.grant_id = g.id
      WHERE true ${scope}
      GROUP BY g.id, g.remaining
     HAVING g.remaining <> COALESCE(SUM(e.credits), 0) OR g.remaining < 0`,
    params,
  );
  const spend = await db.query<{ id: string; recorded: number; from_entries: number }>(
    `SELECT s.scope || ':' || s.scope_id AS id, s.spent AS recorded, COALESCE(SUM(c.credits), 0)::bigint AS from_entries
       FROM spend s LEFT JOIN charges c ON c.workspace_id = s.workspace_id AND c.status = 'charged'
        AND ((s.scope = 'workbook' AND c.workbook_id = s.scope_id) OR (s.scope = 'enrichment' AND c.enrichment_id = s.scope_id))
      WHERE true ${scope.replace('g.', 's.')}
      GROUP BY s.scope, s.scope_id, s.spent
     HAVING s.spent <> COALESCE(SUM(c.credits), 0)`,
    params,
  );
  const runs = await db.query<{ id: string; recorded: number; from_entries: number }>(
    `SELECT r.id, r.spent AS recorded, COALESCE(SUM(c.credits), 0)::bigint AS from_entries
       FROM runs r LEFT JOIN charges c ON c.workspace_id = r.workspace_id AND c.run_id = r.id AND c.status = 'charged'
      WHERE true ${scope.replace('g.', 'r.')}
      GROUP BY r.id, r.spent
     HAVING r.spent <> COALESCE(SUM(c.credits), 0)`,
    params,
  );
  return [
    ...grants.map((row) => ({
      kind: 'grant_remaining' as const,
      id: row.id,
      recorded: Number(row.recorded),
      fromEntries: Number(row.from_entries),
    })),
    ...spend.map((row) => ({
      kind: 'spend' as const,
      id: row.id,
      recorded: Number(row.recorded),
      fromEntries: Number(row.from_entries),
    })),
    ...runs.map((row) => ({
      kind: 'run_spent' as const,
      id: row.id,
      recorded: Number(row.recorded),
      fromEntries: Number(row.from_entries),
    })),
  ];
}
