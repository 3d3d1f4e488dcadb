import type { LimitDetails } from '@creditkit/sdk';
import { useCreditContext } from '../provider/credit-context';
import { creditQueryKeys } from '../store/query-keys';
import { useQuery } from './use-query';

/**
 * The latest spend limit the workspace's charges ran into (a `limit.reached` event: a workbook's, R11,
 * or an enrichment's, R12), or null when none has been reached since the page started following the
 * event stream, or that limit was raised or turned off since. Follows the stream while mounted.
 */
export function useLimitReached(): LimitDetails | null {
  const { store } = useCreditContext();
  const key = creditQueryKeys.limitReached;
  // Only the event stream writes this key; the API has nothing to ask, so a "fetch" keeps what is there.
  const reached = useQuery(key, () => Promise.resolve(store.getSnapshot<LimitDetails | null>(key).data ?? null));
  return reached.data ?? null;
}
