import type { ChargeTrigger, GrantState, Refusal } from '@creditkit/rules';
import { type ChargeDecision, decideCharge, decideRefund, spendableBalance } from '@creditkit/rules';
import { actionPrice, findAction, type TokenUsage } from '../catalogue/actions';
import {
  type ChargeState,
  dedupKey,
  loadChargeState,
  namedRun,
  reservedByOtherRuns,
  scopeContext,
  spendKey,
} from './charge-state';
import type { Queryable } from './database';
import { newId } from './ids';
import { emitEvent, grantTotal, writeEntry } from './ledger-writes';
import { balanceView, type ChargeView, chargeView, readBalance, readCharge } from './read-models';
import type { ChargeRow, LedgerEntryRow, SpendRow, WorkspaceRow } from './rows';
import { checkThresholds } from './threshold-checks';
import { readWorkspace } from './workspaces';

export interface ChargeRequest {
  actionId: string;
  workbookId: string;
  recordId: string;
  field: string;
  enrichmentId?: string | undefined;
  audienceId?: string | undefined;
  runId?: string | undefined;
  /** Why the charge happens (R24); `run` when not given. */
  trigger?: ChargeTrigger | undefined;
  usage?: TokenUsage | undefined;
}

export type ChargeOutcome =
  | { outcome: 'done'; charge: ChargeView }
  | { outcome: 'refused'; refusal: Refusal }
  | { outcome: 'unknown'; what: 'action' | 'run' };

interface ChargeWrites {
  charges: ChargeRow[];
  debits: { chargeId: string; grantId: string; credits: number; balanceAfter: number }[];
  events: { type: string; data: unknown }[];
  balanceChanged: boolean;
}

/**
 * What a group of charges reads before deciding (`loadChargeState`), with the Idempotency-Keys of `keys` already
 * held. A charge for an action that does not exist is answered 404 and leaves no trace, not even a spend row.
 */
export function loadGroupState(
  tx: Queryable,
  workspaceId: string,
  requests: readonly ChargeRequest[],
  keys: readonly string[] = [],
): Promise<ChargeState> {
  return loadChargeState(
    tx,
    workspaceId,
    requests.filter((request) => findAction(request.actionId)),
    keys,
  );
}

/**
 * Charges in the caller's transaction, one after the other in the order given, each decided against the
 * state the previous one left — exactly as separate transactions would, but with the reads and writes of
 * the whole group done in two set-based statements. The caller holds the workspace row lock
 * (`readWorkspace(tx, id, true)`), which serialises the group with every other writer of the workspace,
 * and may pass the state it read for these requests under that lock (`loadGroupState`).
 * A refusal writes no charge.
 */
export async function createCharges(
  tx: Queryable,
  workspace: WorkspaceRow,
  requests: readonly ChargeRequest[],
  now: Date,
  loaded?: ChargeState,
): Promise<ChargeOutcome[]> {
  const workspaceId = workspace.id;
  const state = loaded ?? (await loadGroupState(tx, workspaceId, requests));
  const writes: ChargeWrites = { charges: [], debits: [], events: [], balanceChanged: false };
  const outcomes = requests.map((request) => decideOne(state, writes, request, now));
  if (writes.balanceChanged) {
    const reserved = reservedByOtherRuns(state.runs, undefined);
    writes.events.push({ type: 'balance.updated', data: balanceView(workspace, state.grants, reserved, now) });
  }
  const entries = await writeCharges(tx, workspaceId, state, writes, now);
  // R25, R27: once for the whole group, after its writes: its charges only lower the balance and raise spend.
  if (writes.balanceChanged) await checkThresholds(tx, workspaceId, now, state.watched);
  const rowsById = new Map(writes.charges.map((row) => [row.id, row]));
  return outcomes.map((outcome) => {
    if (outcome.outcome !== 'done') return outcome;
    const row = rowsById.get(outcome.chargeId) as ChargeRow;
    return { outcome: 'done', charge: chargeView(row, entries.get(row.id) ?? []) };
  });
}

type Decided = Exclude<ChargeOutcome, { outcome: 'done' }> | { outcome: 'done'; chargeId: string };

/** One charge against the group's in-memory state, which it then updates as its writes will. */
function decideOne(state: ChargeState, writes: ChargeWrites, request: ChargeRequest, now: Date): Decided {
  const action = findAction(request.actionId);
  if (!action) return { outcome: 'unknown', what: 'action' };
  const run = namedRun(state, request.runId);
  if (run === undefined) return { outcome: 'unknown', what: 'run' };

  const price = actionPrice(action, request.usage);
  const workbook = state.spend.get(spendKey('workbook', request.workbookId)) as SpendRow;
  const enrichment =
    request.enrichmentId === undefined ? undefined : state.spend.get(spendKey('enrichment', request.enrichmentId));
  const paid = dedupKey(action.id, request.recordId, request.field);
  const context = scopeContext(state, request, action.provider, price, run, now);
  const decision: ChargeDecision = decideCharge({ ...context, paidBy: state.paid.get(paid) ?? null });

  if (decision.outcome === 'refused') {
    const blocking =
      decision.scope === 'workbook' ? workbook : decision.scope === 'enrichment' ? enrichment : undefined;
    // R12: the first refusal by a limit is announced once, until the limit changes.
    if (blocking && !blocking.reached_notified) {
      blocking.reached_notified = true;
      writes.events.push({ type: 'limit.reached', data: refusalDetails(decision) });
    }
    return { outcome: 'refused', refusal: decision };
  }

  const chargeId = newId('charge');
  const credits = decision.outcome === 'charged' ? price : 0;
  writes.charges.push({
    id: chargeId,
    action_id: action.id,
    provider: action.provider,
    model: action.model,
    workbook_id: request.workbookId,
    record_id: request.recordId,
    field: request.field,
    enrichment_id: request.enrichmentId ?? null,
    audience_id: request.audienceId ?? null,
    run_id: request.runId ?? null,
    trigger: context.trigger,
    credits,
    status: decision.outcome,
    refund_reason: null,
    created_at: now,
  });
  if (decision.outcome === 'deduplicated') return { outcome: 'done', chargeId };

  // The first charge that paid holds the key; a re-run paying again leaves it there (R24).
  if (!state.paid.has(paid)) state.paid.set(paid, chargeId);
  if (decision.outcome === 'charged' && credits > 0) {
    let balance = spendableBalance(state.grants, 0, now);
    for (const debit of decision.debits) {
      const grant = state.grants.find((candidate) => candidate.id === debit.grantId) as GrantState;
      grant.remaining -= debit.amount;
      balance -= debit.amount;
      writes.debits.push({ chargeId, grantId: debit.grantId, credits: -debit.amount, balanceAfter: balance });
    }
    workbook.spent += credits;
    if (enrichment) enrichment.spent += credits;
    if (run) run.spent += credits;
    writes.balanceChanged = true;
  }
  return { outcome: 'done', chargeId };
}

/**
 * Writes what the group decided, in one statement: its charges, dedup keys and ledger rows, the new
 * totals of the grants, spend rows and runs it holds locked (absolute values: the locks make the
 * in-memory state the truth), and its events, in order. Returns the ledger rows by charge.
 */
async function writeCharges(
  tx: Queryable,
  workspaceId: string,
  state: ChargeState,
  writes: ChargeWrites,
  now: Date,
): Promise<Map<string, LedgerEntryRow[]>> {
  const { charges, debits, events } = writes;
  // The charges that took a dedup key (R13): a re-run of an action already paid took none.
  const keyed = charges.filter((c) => state.paid.get(dedupKey(c.action_id, c.record_id, c.field)) === c.id);
  const touched = new Set(debits.map((debit) => debit.grantId));
  const grants = state.grants.filter((grant) => touched.has(grant.id));
  const runs = [...state.runs.values()];
  const spend = [...state.spend.values()];
  const rows = await tx.query<LedgerEntryRow>(
    `WITH
      new_charges AS (
        INSERT INTO charges (id, workspace_id, action_id, provider, model, workbook_id, record_id, field,
          enrichment_id, audience_id, run_id, status, credits, trigger, created_at)
        SELECT c.*, $2 FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
          $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::bigint[], $34::text[])
          AS c(id, workspace_id, action_id, provider, model, workbook_id, record_id, field, enrichment_id,
               audience_id, run_id, status, credits, trigger)
        RETURNING id),
      new_dedup_keys AS (
        INSERT INTO dedup_keys (workspace_id, action_id, record_id, field, charge_id)
        SELECT $1, * FROM unnest($33::text[], $16::text[], $17::text[], $18::text[])
        RETURNING charge_id),
      grant_totals AS (
        UPDATE grants AS g SET remaining = u.remaining FROM unnest($19::text[], $20::bigint[]) AS u(id, remaining)
         WHERE g.id = u.id RETURNING g.id),
      run_totals AS (
        UPDATE runs AS r SET spent = u.spent FROM unnest($21::text[], $22::bigint[]) AS u(id, spent)
         WHERE r.workspace_id = $1 AND r.id = u.id AND r.spent <> u.spent RETURNING r.id),
      spend_totals AS (
        UPDATE spend AS s SET spent = u.spent, reached_notified = u.reached_notified
          FROM unnest($23::text[], $24::text[], $25::bigint[], $26::boolean[]) AS u(scope, scope_id, spent, reached_notified)
         WHERE s.workspace_id = $1 AND s.scope = u.scope AND s.scope_id = u.scope_id
           AND (s.spent <> u.spent OR s.reached_notified <> u.reached_notified)
        RETURNING s.scope_id),
      new_events AS (
        INSERT INTO events (workspace_id, type, data, created_at)
        SELECT $1, type, data::jsonb, $2 FROM unnest($27::text[], $28::text[]) WITH ORDINALITY AS e(type, data, position)
         ORDER BY position
        RETURNING id)
    INSERT INTO ledger_entries (workspace_id, type, grant_id, charge_id, credits, balance_after, created_at)
    SELECT $1, 'charge', grant_id, charge_id, credits, balance_after, $2
      FROM unnest($29::text[], $30::text[], $31::bigint[], $32::bigint[]) WITH ORDINALITY
        AS d(grant_id, charge_id, credits, balance_after, position)
     ORDER BY position
    RETURNING id, type, grant_id, charge_id, credits, balance_after, reason, created_at`,
    [
      workspaceId,
      now,
      charges.map((c) => c.id),
      charges.map(() => workspaceId),
      charges.map((c) => c.action_id),
      charges.map((c) => c.provider),
      charges.map((c) => c.model),
      charges.map((c) => c.workbook_id),
      charges.map((c) => c.record_id),
      charges.map((c) => c.field),
      charges.map((c) => c.enrichment_id),
      charges.map((c) => c.audience_id),
      charges.map((c) => c.run_id),
      charges.map((c) => c.status),
      charges.map((c) => c.credits),
      keyed.map((c) => c.record_id),
      keyed.map((c) => c.field),
      keyed.map((c) => c.id),
      grants.map((grant) => grant.id),
      grants.map((grant) => grant.remaining),
      runs.map((run) => run.id),
      runs.map((run) => run.spent),
      spend.map((row) => row.scope),
      spend.map((row) => row.scope_id),
      spend.map((row) => row.spent),
      spend.map((row) => row.reached_notified),
      events.map((event) => event.type),
      events.map((event) => JSON.stringify(event.data)),
      debits.map((debit) => debit.grantId),
      debits.map((debit) => debit.chargeId),
      debits.map((debit) => debit.credits),
      debits.map((debit) => debit.balanceAfter),
      keyed.map((c) => c.action_id),
      charges.map((c) => c.trigger),
    ],
  );
  const byCharge = new Map<string, LedgerEntryRow[]>();
  for (const row of rows.sort((a, b) => a.id - b.id)) {
    const list = byCharge.get(row.charge_id as string) ?? [];
    list.push(row);
    byCharge.set(row.charge_id as string, list);
  }
  return byCharge;
}

/** Adds (or, for a refund, subtracts) a charge's credits to the spend of its workbook, enrichment and run. */
async function addSpend(
  tx: Queryable,
  workspaceId: string,
  scope: { workbookId: string; enrichmentId: string | null | undefined; runId: string | null | undefined },
  credits: number,
): Promise<void> {
  await tx.query(
    "UPDATE spend SET spent = spent + $1 WHERE workspace_id = $2 AND scope = 'workbook' AND scope_id = $3",
    [credits, workspaceId, scope.workbookId],
  );
  if (scope.enrichmentId) {
    await tx.query(
      "UPDATE spend SET spent = spent + $1 WHERE workspace_id = $2 AND scope = 'enrichment' AND scope_id = $3",
      [credits, workspaceId, scope.enrichmentId],
    );
  }
  if (scope.runId) {
    await tx.query('UPDATE runs SET spent = spent + $1 WHERE workspace_id = $2 AND id = $3', [
      credits,
      workspaceId,
      scope.runId,
    ]);
  }
}

export function refusalDetails(refusal: Refusal) {
  return {
    scope: refusal.scope,
    id: refusal.id,
    limit: refusal.limit / 1000,
    spent: refusal.spent / 1000,
    remaining: refusal.remaining / 1000,
  };
}

/**
 * R13, R15: a refunded charge no longer pays for its record's field. When it held the dedup key, the key passes
 * to the latest charge still standing on the same action, record and field (a re-run or a refresh that paid),
 * so the field stays paid; with none, the key is released and the next run is charged.
 */
async function releaseDedupKey(tx: Queryable, workspaceId: string, charge: ChargeRow): Promise<void> {
  const released = await tx.query('DELETE FROM dedup_keys WHERE workspace_id = $1 AND charge_id = $2 RETURNING 1', [
    workspaceId,
    charge.id,
  ]);
  if (released.length === 0) return;
  await tx.query(
    `INSERT INTO dedup_keys (workspace_id, action_id, record_id, field, charge_id)
     SELECT workspace_id, action_id, record_id, field, id FROM charges
     WHERE workspace_id = $1 AND action_id = $2 AND record_id = $3 AND field = $4
       AND status IN ('charged', 'own_key') AND id <> $5
     ORDER BY created_at DESC, id DESC LIMIT 1`,
    [workspaceId, charge.action_id, charge.record_id, charge.field, charge.id],
  );
}

/**
 * R15: gives a charge's credits back to the grants they came from, lowers the workbook, enrichment and run
 * spend, and releases the dedup key (or hands it on). A second refund finds the charge refunded and changes nothing.
 */
export async function refundCharge(
  tx: Queryable,
  workspaceId: string,
  chargeId: string,
  reason: string,
  now: Date,
): Promise<'refunded' | 'already_refunded' | 'unknown'> {
  await readWorkspace(tx, workspaceId, true);
  const [charge] = await tx.query<ChargeRow>('SELECT * FROM charges WHERE workspace_id = $1 AND id = $2 FOR UPDATE', [
    workspaceId,
    chargeId,
  ]);
  if (!charge) return 'unknown';
  const debits = await tx.query<{ grant_id: string; credits: number }>(
    "SELECT grant_id, credits FROM ledger_entries WHERE charge_id = $1 AND type = 'charge' ORDER BY id",
    [chargeId],
  );
  const decision = decideRefund(
    charge.status,
    debits.map((row) => ({ grantId: row.grant_id, amount: -row.credits })),
  );
  if (decision.outcome === 'already_refunded') return 'already_refunded';

  let balance = await grantTotal(tx, workspaceId, now);
  for (const credit of decision.credits) {
    await tx.query('SELECT 1 FROM grants WHERE id = $1 FOR UPDATE', [credit.grantId]);
    balance += credit.amount;
    await writeEntry(tx, workspaceId, {
      type: 'refund',
      grantId: credit.grantId,
      chargeId,
      credits: credit.amount,
      balanceAfter: balance,
      reason,
      now,
    });
  }
  if (charge.status === 'charged' && charge.credits > 0) {
    await addSpend(
      tx,
      workspaceId,
      { workbookId: charge.workbook_id, enrichmentId: charge.enrichment_id, runId: charge.run_id },
      -charge.credits,
    );
  }
  await releaseDedupKey(tx, workspaceId, charge);
  await tx.query("UPDATE charges SET status = 'refunded', refund_reason = $1, refunded_at = $2 WHERE id = $3", [
    reason,
    now,
    chargeId,
  ]);
  await emitEvent(tx, workspaceId, 'charge.refunded', await readCharge(tx, workspaceId, chargeId), now);
  await emitEvent(tx, workspaceId, 'balance.updated', await readBalance(tx, workspaceId, now), now);
  await checkThresholds(tx, workspaceId, now);
  return 'refunded';
}
