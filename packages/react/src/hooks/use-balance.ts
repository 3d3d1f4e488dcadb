import type { Balance } from '@creditkit/sdk';
import { useCreditContext } from '../provider/credit-context';
import { creditQueryKeys } from '../store/query-keys';
import type { QueryResult } from './use-query';
import { useQuery } from './use-query';

/**
 * The workspace's balance (R1, R3, R7): spendable and pending credits, allowance, rollover cap, period and
 * renewal state. Kept current by `balance.updated` events while shown, so a charge made anywhere moves it.
 */
export function useBalance(): QueryResult<Balance> {
  const { client } = useCreditContext();
  return useQuery(creditQueryKeys.balance, () => client.balance.retrieve());
}
