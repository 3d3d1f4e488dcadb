import type { Action } from '@creditkit/sdk';
import { useCreditContext } from '../provider/credit-context';
import { creditQueryKeys } from '../store/query-keys';
import type { QueryResult } from './use-query';
import { useQuery } from './use-query';

/**
 * What one action costs this workspace before it runs (R8), free with its own key (R10): read
 * `effectiveCredits`. Badges rendered together share requests: the SDK sends the ids asked for in
 * one tick as one `GET /v1/actions?ids=...` (up to 500 ids). An unknown action ends in `error` with the
 * SDK's `NotFoundError`, which is kept like an answer, so remounting does not ask again.
 */
export function useActionCost(actionId: string): QueryResult<Action> {
  const { client } = useCreditContext();
  return useQuery(creditQueryKeys.actionCost(actionId), () => client.actions.retrieve(actionId));
}
