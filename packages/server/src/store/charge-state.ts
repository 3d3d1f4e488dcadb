import type { ChargeContext, ChargeTrigger, GrantState, LimitState, RunState, Thousandths } from '@creditkit/rules';
import type { Queryable } from './database';
import { type GrantJson, grantColumns, type SpendRow, toGrantState } from './rows';
import type { ThresholdWatch } from './threshold-checks';

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
  /** The Idempotency-Keys asked about that an earlier request holds, with its body hash and answer (R19). */
  heldKeys: Map<string, { bodyHash: string; answer: unknown }>;
  /** What the threshold checks after the writes have to look at (R25, R27): nothing, for most workspaces. */
  watched: ThresholdWatch;
}

/** Where a charge counts: its workbook (R11), enrichment (R12) and run (R9). */
export interface ChargeScopes {
  workbookId: string;
  enrichmentId?: string | undefined;
  runId?: string | undefined;
}

/** An action on a record's field: the dedup key of a charge (R13). */
export interface PaidKey {
  actionId: string;
  recordId: string;
  field: string;
}

export const dedupKey = (actionId: string, recordId: string, field: string) =>
  `${actionId}\u0000${recordId}\u0000${field}`;
export const spendKey = (scope: SpendRow['scope'], id: string) => `${scope}\u0000${id}`;

const toLimit = (row: SpendRow): LimitState => ({
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
  grants: GrantJson[];
  held_keys: { key: string; body_hash: string; response: unknown }[];
  auto_top_up: boolean;
  alerts: boolean;
}

/**
 * The one statement that reads what charges depend on. Each record's dedup key is looked up by its primary key, one
 * probe per key asked about (the LIMIT, a no-op on a primary key, keeps the planner from turning the probes into a
 * join over every key the workspace holds, which it did: a charge then read the workspace's whole history). For charges (`lock`), it creates the spend rows they
 * will add to and locks the rows they may change; for a quote, it only reads, in one snapshot.
 */
function chargeStateQuery(lock: boolean): string {
  const forUpdate = lock ? ' FOR UPDATE' : '';
  const newSpend = lock
    ? `INSERT INTO spend (workspace_id, scope, scope_id) SELECT $1, * FROM unnest($5::text[], $6::text[])
        ON CONFLICT (workspace_id, scope, scope_id) DO NOTHING
        RETURNING scope, scope_id, spent, limit_enabled, credit_limit, reached_notified`
    : 'SELECT scope, scope_id, spent, limit_enabled, credit_limit, reached_notified FROM spend WHERE false';
  return `WITH
      paid AS (
        SELECT d.* FROM unnest($7::text[], $2::text[], $3::text[]) AS k(action_id, record_id, field)
        CROSS JOIN LATERAL (
          SELECT action_id, record_id, field, charge_id FROM dedup_keys
           WHERE workspace_id = $1 AND action_id = k.action_id AND record_id = k.record_id AND field = k.field
           LIMIT 1) AS d),
      run_rows AS (
        SELECT id, budget, spent, status FROM runs
         WHERE workspace_id = $1 AND (status = 'running' OR id = ANY($4::text[]))${forUpdate}),
      new_spend AS (
        ${newSpend}),
      old_spend AS (
        SELECT scope, scope_id, spent, limit_enabled, credit_limit, reached_notified FROM spend
         WHERE workspace_id = $1 AND (scope, scope_id) IN (SELECT * FROM unnest($5::text[], $6::text[]))${forUpdate}),
      grant_rows AS (
        SELECT ${grantColumns} FROM grants
         WHERE workspace_id = $1 AND remaining > 0${forUpdate})
    SELECT
      (SELECT COALESCE(json_agg(paid), '[]') FROM paid) AS paid,
      (SELECT COALESCE(json_agg(provider), '[]') FROM integration_keys WHERE workspace_id = $1) AS own_keys,
      (SELECT COALESCE(json_agg(run_rows), '[]') FROM run_rows) AS runs,
      (SELECT COALESCE(json_agg(s), '[]') FROM (SELECT * FROM new_spend UNION ALL SELECT * FROM old_spend) AS s) AS spend,
      (SELECT COALESCE(json_agg(grant_rows), '[]') FROM grant_rows) AS grants,
      (SELECT COALESCE(json_agg(k), '[]') FROM (
         SELECT key, body_hash, response FROM idempotency_keys WHERE workspace_id = $1 AND key = ANY($8::text[])) AS k
      ) AS held_keys,
      EXISTS (SELECT 1 FROM auto_top_up_settings WHERE workspace_id = $1 AND enabled) AS auto_top_up,
      EXISTS (SELECT 1 FROM alerts WHERE workspace_id = $1) AS alerts`;
}

const lockingQuery = chargeStateQuery(true);
const readingQuery = chargeStateQuery(false);

async function queryChargeState(
  db: Queryable,
  query: string,
  workspaceId: string,
  paid: readonly PaidKey[],
  charges: readonly ChargeScopes[],
  keys: readonly string[],
): Promise<ChargeState> {
  const scopes = new Map<string, [SpendRow['scope'], string]>();
  for (const charge of charges) {
    scopes.set(spendKey('workbook', charge.workbookId), ['workbook', charge.workbookId]);
    if (charge.enrichmentId !== undefined) {
      scopes.set(spendKey('enrichment', charge.enrichmentId), ['enrichment', charge.enrichmentId]);
    }
  }
  const [row] = await db.query<StateRow>(query, [
    workspaceId,
    paid.map((key) => key.recordId),
    paid.map((key) => key.field),
    charges.flatMap((c) => (c.runId === undefined ? [] : [c.runId])),
    [...scopes.values()].map(([scope]) => scope),
    [...scopes.values()].map(([, id]) => id),
    paid.map((key) => key.actionId),
    keys,
  ]);
  const state = row as StateRow;
  return {
    paid: new Map(state.paid.map((paid) => [dedupKey(paid.action_id, paid.record_id, paid.field), paid.charge_id])),
    ownKeyProviders: new Set(state.own_keys),
    runs: new Map(state.runs.map((run) => [run.id, run])),
    spend: new Map(state.spend.map((spend) => [spendKey(spend.scope, spend.scope_id), spend])),
    grants: state.grants.map(toGrantState),
    heldKeys: new Map(state.held_keys.map((row) => [row.key, { bodyHash: row.body_hash, answer: row.response }])),
    watched: { autoTopUp: state.auto_top_up, alerts: state.alerts },
  };
}

/**
 * Reads, in one statement, everything the charges depend on, creating the spend rows they will add to
 * and locking the rows they may change, with the Idempotency-Keys of `keys` that are held already and whether
 * any threshold is watched. The caller holds the workspace row lock (taken by an earlier statement, so this
 * one's snapshot already sees every commit made before the lock was granted, keys included: every writer of
 * a workspace's keys holds that lock).
 */
export function loadChargeState(
  tx: Queryable,
  workspaceId: string,
  charges: readonly (ChargeScopes & PaidKey)[],
  keys: readonly string[] = [],
): Promise<ChargeState> {
  return queryChargeState(tx, lockingQuery, workspaceId, charges, charges, keys);
}

/**
 * Reads the same state as `loadChargeState`, in one statement and one snapshot, for a quote (R23): the dedup
 * keys of every record asked about, the scopes' spend (a scope never charged has no row: no limit, nothing
 * spent), the runs, the grants and the own keys. It writes and locks nothing, so a quote never waits on a
 * charge nor holds one up.
 */
export function readChargeState(
  db: Queryable,
  workspaceId: string,
  paid: readonly PaidKey[],
  scopes: ChargeScopes,
): Promise<ChargeState> {
  return queryChargeState(db, readingQuery, workspaceId, paid, [scopes], []);
}

/** The run a charge names: null when it names none, undefined when the workspace has no such run (a 404). */
export function namedRun(state: ChargeState, runId: string | undefined): RunState | null | undefined {
  return runId === undefined ? null : state.runs.get(runId);
}

/**
 * What `decideCharge` needs for a charge in these scopes, but whether its record was paid: the one place the
 * store turns what it read into a decision's context, for a charge and for each row of a quote alike.
 */
export function scopeContext(
  state: ChargeState,
  charge: ChargeScopes & { trigger?: ChargeTrigger | undefined },
  provider: string,
  price: Thousandths,
  run: RunState | null,
  now: Date,
): Omit<ChargeContext, 'paidBy'> {
  const workbook = state.spend.get(spendKey('workbook', charge.workbookId));
  const enrichment =
    charge.enrichmentId === undefined ? undefined : state.spend.get(spendKey('enrichment', charge.enrichmentId));
  return {
    now,
    price,
    ownKey: state.ownKeyProviders.has(provider),
    trigger: charge.trigger ?? 'run',
    run,
    enrichmentLimit: enrichment ? toLimit(enrichment) : null,
    workbookLimit: workbook ? toLimit(workbook) : null,
    grants: state.grants,
    reservedByOtherRuns: reservedByOtherRuns(state.runs, charge.runId),
  };
}
