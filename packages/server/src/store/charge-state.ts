import type { GrantState, LimitState, RunState, Thousandths } from '@creditkit/rules';
import type { Queryable } from './database';
import { type GrantRow, type SpendRow, toGrantState } from './rows';

/** What a group of charges in one workspace reads and locks: the same rows one charge reads, fetched once. */
export interface ChargeState {
  /** The charge that paid for each action on a record and field (R13), keyed by `dedupKey`. */
  paid: Map<string, string>;
  /** Providers the workspace brought its own key for (R10). */
  ownKeyProviders: Set<string>;
  /** Open runs, and the runs the charges name whatever their status (R9). */
  runs: Map<string, RunState>;
  /** Workbook and enrichment spend rows (R11, R12), keyed by `spendKey`. */
  spend: Map<string, SpendRow>;
  /** Grants with something left (R1, R2). */
  grants: GrantState[];
}

export interface ChargeScopes {
  actionId: string;
  recordId: string;
  field: string;
  workbookId: string;
  enrichmentId?: string | undefined;
  runId?: string | undefined;
}

export const dedupKey = (actionId: string, recordId: string, field: string) =>
  `${actionId}\u0000${recordId}\u0000${field}`;
export const spendKey = (scope: SpendRow['scope'], id: string) => `${scope}\u0000${id}`;

export const toLimit = (row: SpendRow): LimitState => ({
  id: row.scope_id,
  enabled: row.limit_enabled,
  limit: row.credit_limit,
  spent: row.spent,
});

/** Budget held by open runs other than `runId`: it is not spendable by anyone else (R9). */
export function reservedByOtherRuns(runs: ReadonlyMap<string, RunState>, runId: string | undefined): Thousandths {
  let reserved = 0;
  for (const run of runs.values()) {
    if (run.status === 'running' && run.id !== runId) reserved += run.budget - run.spent;
  }
  return reserved;
}

interface StateRow {
  paid: { action_id: string; record_id: string; field: string; charge_id: string }[];
  own_keys: string[];
  runs: RunState[];
  spend: SpendRow[];
  grants: (Omit<GrantRow, 'effective_at' | 'expires_at' | 'created_at'> & {
    effective_at: string;
    expires_at: string | null;
    created_at: string;
  })[];
}

/**
 * Reads, in one statement, everything the charges depend on, creating the spend rows they will add to
 * and locking the rows they may change. The caller holds the workspace row lock (taken by an earlier
 * statement, so this one's snapshot already sees every commit made before the lock was granted).
 */
export async function loadChargeState(
  tx: Queryable,
  workspaceId: string,
  charges: readonly ChargeScopes[],
): Promise<ChargeState> {
  const scopes = new Map<string, [SpendRow['scope'], string]>();
  for (const charge of charges) {
    scopes.set(spendKey('workbook', charge.workbookId), ['workbook', charge.workbookId]);
    if (charge.enrichmentId !== undefined) {
      scopes.set(spendKey('enrichment', charge.enrichmentId), ['enrichment', charge.enrichmentId]);
    }
  }
  const [row] = await tx.query<StateRow>(
    `WITH
      paid AS (
        SELECT action_id, record_id, field, charge_id FROM dedup_keys
         WHERE workspace_id = $1
           AND (action_id, record_id, field) IN (SELECT * FROM unnest($7::text[], $2::text[], $3::text[]))),
      run_rows AS (
        SELECT id, budget, spent, status FROM runs
         WHERE workspace_id = $1 AND (status = 'running' OR id = ANY($4::text[])) FOR UPDATE),
      new_spend AS (
        INSERT INTO spend (workspace_id, scope, scope_id) SELECT $1, * FROM unnest($5::text[], $6::text[])
        ON CONFLICT (workspace_id, scope, scope_id) DO NOTHING
        RETURNING scope, scope_id, spent, limit_enabled, credit_limit, reached_notified),
      old_spend AS (
        SELECT scope, scope_id, spent, limit_enabled, credit_limit, reached_notified FROM spend
         WHERE workspace_id = $1 AND (scope, scope_id) IN (SELECT * FROM unnest($5::text[], $6::text[])) FOR UPDATE),
      grant_rows AS (
        SELECT id, source, credits, remaining, effective_at, expires_at, created_at FROM grants
         WHERE workspace_id = $1 AND remaining > 0 FOR UPDATE)
    SELECT
      (SELECT COALESCE(json_agg(paid), '[]') FROM paid) AS paid,
      (SELECT COALESCE(json_agg(provider), '[]') FROM integration_keys WHERE workspace_id = $1) AS own_keys,
      (SELECT COALESCE(json_agg(run_rows), '[]') FROM run_rows) AS runs,
      (SELECT COALESCE(json_agg(s), '[]') FROM (SELECT * FROM new_spend UNION ALL SELECT * FROM old_spend) AS s) AS spend,
      (SELECT COALESCE(json_agg(grant_rows), '[]') FROM grant_rows) AS grants`,
    [
      workspaceId,
      charges.map((c) => c.recordId),
      charges.map((c) => c.field),
      charges.flatMap((c) => (c.runId === undefined ? [] : [c.runId])),
      [...scopes.values()].map(([scope]) => scope),
      [...scopes.values()].map(([, id]) => id),
      charges.map((c) => c.actionId),
    ],
  );
  const state = row as StateRow;
  return {
    paid: new Map(state.paid.map((paid) => [dedupKey(paid.action_id, paid.record_id, paid.field), paid.charge_id])),
    ownKeyProviders: new Set(state.own_keys),
    runs: new Map(state.runs.map((run) => [run.id, run])),
    spend: new Map(state.spend.map((spend) => [spendKey(spend.scope, spend.scope_id), spend])),
    grants: state.grants.map((grant) =>
      toGrantState({
        ...grant,
        effective_at: new Date(grant.effective_at),
        expires_at: grant.expires_at === null ? null : new Date(grant.expires_at),
        created_at: new Date(grant.created_at),
      }),
    ),
  };
}
