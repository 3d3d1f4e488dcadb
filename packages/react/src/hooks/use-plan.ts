import type { CurrentPlan } from '@creditkit/sdk';
import { useCreditContext } from '../provider/credit-context';
import { creditQueryKeys } from '../store/query-keys';
import type { QueryResult } from './use-query';
import { useQuery } from './use-query';

/** The workspace's plan, its period and any change scheduled for the period's end (R6). */
export function usePlan(): QueryResult<CurrentPlan> {
  const { client } = useCreditContext();
  return useQuery(creditQueryKeys.plan, () => client.plan.retrieve());
}
