import type { Thousandths } from './amounts';
import { allocate, spendableGrants } from './burn-order';
import { limitRemaining } from './limit-remaining';
import type { ChargeTrigger, Debit, GrantState, LimitState, Refusal, RunState } from './types';

/** Everything a charge decision depends on, read inside the charge's transaction. */
export interface ChargeContext {
  now: Date;
  /** The action's price for this charge (R8), or the AI usage priced by the model (R9). */
  price: Thousandths;
  /** The workspace has its own key for the action's provider (R10). */
  ownKey: boolean;
  /** The charge that already paid for this action on this record and field in the workspace, if any (R13). */
  paidBy: string | null;
  /** Why the charge happens (R24): only a `run` is deduplicated; a re-run or a refresh is charged again. */
  trigger: ChargeTrigger;
  run: RunState | null;
  enrichmentLimit: LimitState | null;
  workbookLimit: LimitState | null;
  grants: readonly GrantState[];
  /** Budget reserved and not yet spent by open runs other than this charge's run (R9). */
  reservedByOtherRuns: Thousandths;
}

export type ChargeDecision =
  | { outcome: 'deduplicated'; paidBy: string }
  | { outcome: 'own_key' }
  | { outcome: 'charged'; debits: Debit[] }
  | Refusal;

function limitRefusal(
  code: Refusal['code'],
  scope: Refusal['scope'],
  id: string | null,
  limit: Thousandths,
  spent: Thousandths,
): Refusal {
  return { outcome: 'refused', code, scope, id, limit, spent, remaining: limitRemaining(limit, spent) };
}

function exceeds(limit: LimitState | null, price: Thousandths): boolean {
  return limit?.enabled === true && limit.limit !== null && limit.spent + price > limit.limit;
}

/** What a workspace can spend now: its spendable grants less what open runs hold in reserve (R1, R9). */
export function spendableBalance(grants: readonly GrantState[], reserved: Thousandths, now: Date): Thousandths {
  const total = spendableGrants(grants, now).reduce((sum, grant) => sum + grant.remaining, 0);
  return Math.max(0, total - reserved);
}

/**
 * Decides one charge, checking in the order the rules stack: dedup of a `run` (R13, R24), own key (R10), run budget (R9),
 * enrichment limit (R12), workbook limit (R11), balance (R14); then allocates across grants (R2).
 * A refusal writes nothing.
 */
export function decideCharge(context: ChargeContext): ChargeDecision {
  const { price, run, enrichmentLimit, workbookLimit, now } = context;
  if (context.paidBy !== null && context.trigger === 'run') return { outcome: 'deduplicated', paidBy: context.paidBy };
  if (context.ownKey) return { outcome: 'own_key' };
  // A completed run released what it did not spend: its budget is now what it spent.
  if (run && run.status !== 'running') return limitRefusal('run_completed', 'run', run.id, run.spent, run.spent);
  if (run && run.spent + price > run.budget) {
    return limitRefusal('run_budget_exhausted', 'run', run.id, run.budget, run.spent);
  }
  if (enrichmentLimit && exceeds(enrichmentLimit, price)) {
    const { id, limit, spent } = enrichmentLimit;
    return limitRefusal('enrichment_limit_reached', 'enrichment', id, limit ?? 0, spent);
  }
  if (workbookLimit && exceeds(workbookLimit, price)) {
    const { id, limit, spent } = workbookLimit;
    return limitRefusal('workbook_limit_reached', 'workbook', id, limit ?? 0, spent);
  }
  // A run's own reservation pays for its charges; other runs' reservations are not spendable.
  const available = spendableBalance(context.grants, context.reservedByOtherRuns, now);
  if (price > available) {
    return {
      outcome: 'refused',
      code: 'insufficient_credits',
      scope: 'workspace',
      id: null,
      limit: available,
      spent: 0,
      remaining: available,
    };
  }
  return { outcome: 'charged', debits: price === 0 ? [] : allocate(context.grants, price, now) };
}
