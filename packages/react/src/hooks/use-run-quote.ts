import type { Quote, QuoteCreateParams } from '@creditkit/sdk';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useCreditContext } from '../provider/credit-context';
import { coalesceRefreshes } from '../store/coalesce-refreshes';
import type { CreditStore } from '../store/credit-store';
import { creditQueryKeys } from '../store/query-keys';
import { loadingSnapshot, type QuerySnapshot } from '../store/query-snapshot';
import { useQuery } from './use-query';

/**
 * Nothing to quote: the host passed `null` (no rows selected).
 * @inline
 */
interface IdleQuote {
  /** No selection, so no request. */
  readonly status: 'idle';
  /** Undefined: nothing is quoted. */
  readonly data: undefined;
  /** Undefined: nothing was asked. */
  readonly error: undefined;
  /** 0: nothing was asked. */
  readonly updatedAt: 0;
  /** False: nothing was asked. */
  readonly isFetching: false;
}

/** The quote of the selection now given, or `idle` without one; and the way to ask again. */
export type RunQuoteResult = (QuerySnapshot<Quote> | IdleQuote) & {
  /** Asks the API again now, sharing a request already in flight. Never rejects: failures land in `error`. */
  refetch: () => Promise<void>;
};

/** How long a selection must stay unchanged before it is quoted: a row picked every moment asks nothing. */
const selectionPauseMs = 300;

/** How long live refreshes of one quote wait for each other: one request per window however many events come. */
const refreshWindowMs = 500;

const idle: RunQuoteResult = Object.freeze({
  status: 'idle',
  data: undefined,
  error: undefined,
  updatedAt: 0,
  isFetching: false,
  refetch: () => Promise.resolve(),
});

const settling: RunQuoteResult = Object.freeze({ ...loadingSnapshot, refetch: () => Promise.resolve() });

/** One refresh coalescer per cache, so that two pages on one cache share its windows. */
const refreshersByStore = new WeakMap<CreditStore, ReturnType<typeof coalesceRefreshes>>();
function refresherOf(store: CreditStore) {
  let refresh = refreshersByStore.get(store);
  if (!refresh) {
    refresh = coalesceRefreshes(refreshWindowMs);
    refreshersByStore.set(store, refresh);
  }
  return refresh;
}

interface Selection {
  key: string | null;
  params: QuoteCreateParams | null;
}

/**
 * The selection to quote: the first one (after nothing) and going back to nothing at once, a change from one
 * selection to another once it has stayed for `selectionPauseMs`. Keyed by the quote's cache key, so a host
 * that passes a new object with the same params every render changes nothing.
 */
function useSettledSelection(params: QuoteCreateParams | null): { currentKey: string | null; settled: Selection } {
  const key = params ? creditQueryKeys.quote(params) : null;
  const [settled, setSettled] = useState<Selection>({ key, params });
  const latest = useRef<Selection>({ key, params });
  useEffect(() => {
    latest.current = { key, params };
  });
  const atOnce = settled.key !== key && (settled.key === null || key === null);
  // Derived state, set while rendering: React renders again at once, before anything is shown.
  if (atOnce) setSettled({ key, params });
  useEffect(() => {
    if (key === settled.key) return;
    const timer = setTimeout(() => setSettled(latest.current), selectionPauseMs);
    return () => clearTimeout(timer);
  }, [key, settled.key]);
  return { currentKey: key, settled: atOnce ? { key, params } : settled };
}

/**
 * What a run of an action over the selected rows would cost before it starts (R23): rows to charge, already
 * paid (R13), free by own key (R10), the credits, the balance after, and the limit that would stop it and after
 * how many rows. Pass `null` while nothing is selected: nothing is asked and the status is `idle`.
 *
 * Cached by its params like every query, so identical quotes (two summaries of one selection) share one
 * request. Rapid changes of the selection coalesce: a new selection is quoted once it has stayed unchanged for a
 * moment, and until its quote arrives the result is `loading`, never the quote of an earlier selection. Live
 * events (the balance, a limit, a refund) and own-key changes (`creditQueryKeys.actionCosts`) refresh it, a
 * burst of them with one request. A quote is advice: the charges decide again, and apply every limit.
 */
export function useRunQuote(params: QuoteCreateParams | null): RunQuoteResult {
  const { client, store } = useCreditContext();
  const { currentKey, settled } = useSettledSelection(params);
  const { key, params: asked } = settled;
  const query = useQuery(key, () => {
    if (!asked || key === null) return Promise.reject(new Error('Nothing to quote.'));
    const send = () => client.quotes.create(asked);
    // A first answer is wanted now; a refresh of one on screen can wait for the rest of its burst.
    return store.getSnapshot<Quote>(key).data === undefined ? send() : refresherOf(store)(key, send);
  });
  return useMemo(() => {
    if (currentKey === null) return idle;
    if (currentKey !== key) return settling;
    return query;
  }, [currentKey, key, query]);
}
