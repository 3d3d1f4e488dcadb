import type { UsageActivity, UsageActivityParams } from '@creditkit/sdk';
import { useState } from 'react';
import { useCreditContext } from '../provider/credit-context';
import { creditQueryKeys } from '../store/query-keys';
import type { QueryResult } from './use-query';
import { useQuery } from './use-query';

/** What `useCreditActivity` reads: the period and filters of `GET /v1/usage/activity`, without the cursor. */
export type CreditActivityParams = Omit<UsageActivityParams, 'cursor'>;

/** The activity rows loaded so far, newest day first, and the cursor of the older ones. */
export interface CreditActivityPages {
  /** Every row of the pages loaded so far, in the API's order. */
  data: UsageActivity[];
  /** Where the older rows start; null when every row is loaded. */
  nextCursor: string | null;
}

/** The activity as a query, and the way to load older rows. */
export type CreditActivityResult = QueryResult<CreditActivityPages> & {
  /** True while older rows exist that are not loaded yet. */
  hasMore: boolean;
  /** Loads the next page and appends it. Never rejects: a failure sets `moreState` to `failed`. */
  loadMore: () => Promise<void>;
  /** `loading` while the next page is asked for, `failed` when it could not be loaded. */
  moreState: 'idle' | 'loading' | 'failed';
};

/**
 * Why credits were charged (R24): the workspace's charges by day, workbook, action, trigger and run, with
 * what became of them (deduplicated, own key, refunded and why) and what they cost, newest day first, one page
 * at a time. The first page is cached under `creditQueryKeys.usageActivity(params)` and asked again when a
 * charge is refunded; `loadMore` appends older pages to the same entry.
 */
export function useCreditActivity(params: CreditActivityParams = {}): CreditActivityResult {
  const { client, store } = useCreditContext();
  const key = creditQueryKeys.usageActivity(params);
  const pages = useQuery(key, async (): Promise<CreditActivityPages> => {
    const page = await client.usage.activity(params);
    return { data: page.data, nextCursor: page.nextCursor };
  });
  const [more, setMore] = useState<{ key: string; state: 'idle' | 'loading' | 'failed' }>({ key, state: 'idle' });
  const moreState = more.key === key ? more.state : 'idle';
  const loaded = pages.data;

  const loadMore = async () => {
    if (!loaded?.nextCursor || moreState === 'loading') return;
    setMore({ key, state: 'loading' });
    try {
      const next = await client.usage.activity({ ...params, cursor: loaded.nextCursor });
      store.setData<CreditActivityPages>(key, {
        data: [...loaded.data, ...next.data],
        nextCursor: next.nextCursor,
      });
      setMore({ key, state: 'idle' });
    } catch {
      setMore({ key, state: 'failed' });
    }
  };

  return { ...pages, hasMore: Boolean(loaded?.nextCursor), loadMore, moreState };
}
