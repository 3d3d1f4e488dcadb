import type { Plan } from '@creditkit/sdk';
import { useCreditContext } from '../provider/credit-context';
import { creditQueryKeys } from '../store/query-keys';
import type { QueryResult } from './use-query';
import { useQuery } from './use-query';

/** The plan catalogue: allowances, tiers and rollover rules, e.g. to preview a plan change. */
export function usePlans(): QueryResult<Plan[]> {
  const { client } = useCreditContext();
  return useQuery(creditQueryKeys.plans, async () => {
    const plans: Plan[] = [];
    for await (const plan of client.plans.list()) plans.push(plan);
    return plans;
  });
}
