import { type ChargeTrigger, quoteRun, type RunQuote, type Thousandths } from '@creditkit/rules';
import { actionPrice, type CatalogueAction, type TokenUsage } from '../catalogue/actions';
import { dedupKey, namedRun, readChargeState, scopeContext } from './charge-state';
import type { Queryable } from './database';

/** A run to quote (R23): the action, where its charges would count, and its rows by record id or by count. */
export interface QuoteRequest {
  workbookId: string;
  field: string;
  /** The records in the order the run charges them; or, when not known, `rows`. */
  recordIds?: readonly string[] | undefined;
  rows?: number | undefined;
  enrichmentId?: string | undefined;
  runId?: string | undefined;
  trigger?: ChargeTrigger | undefined;
  /** One AI row's tokens, the prompt already counted. */
  usage?: TokenUsage | undefined;
}

export type QuoteOutcome =
  | { outcome: 'quoted'; quote: RunQuote; price: Thousandths; ownKey: boolean }
  | { outcome: 'unknown'; what: 'run' };

/**
 * R23: what the run would charge, decided by the rules' `quoteRun` against the state its charges would read
 * (one statement, one snapshot, nothing written or locked) and priced as each of its charges would be.
 */
export async function quote(
  db: Queryable,
  workspaceId: string,
  action: CatalogueAction,
  request: QuoteRequest,
  now: Date,
): Promise<QuoteOutcome> {
  const { field } = request;
  const recordIds = request.recordIds ?? [];
  const paidKeys = recordIds.map((recordId) => ({ actionId: action.id, recordId, field }));
  const state = await readChargeState(db, workspaceId, paidKeys, request);
  const run = namedRun(state, request.runId);
  if (run === undefined) return { outcome: 'unknown', what: 'run' };
  const price = actionPrice(action, request.usage);
  const context = scopeContext(state, request, action.provider, price, run, now);
  // Rows quoted by count have no record ids yet, so none of them can have been paid.
  const paidBy = request.recordIds
    ? recordIds.map((recordId) => state.paid.get(dedupKey(action.id, recordId, field)) ?? null)
    : Array.from({ length: request.rows ?? 0 }, () => null);
  return { outcome: 'quoted', quote: quoteRun({ ...context, paidBy }), price, ownKey: context.ownKey };
}
