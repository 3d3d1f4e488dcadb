import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useCreditContext } from '../provider/credit-context';
import { loadingSnapshot, type QueryLoader, type QuerySnapshot } from '../store/query-snapshot';

/** A query's snapshot, and the way to ask again (a retry button after a failure). */
export type QueryResult<Data> = QuerySnapshot<Data> & {
  /** Asks the API again now, sharing a request already in flight. Never rejects: failures land in `error`. */
  refetch: () => Promise<void>;
};

const serverSnapshot = () => loadingSnapshot;
const observeNothing = () => () => {};
const askNothing = () => Promise.resolve();

/**
 * Reads one key of the provider's cache, and fetches it with `load` when it has no fresh answer. The
 * component re-renders only when this key changes. On the server it renders the loading state and
 * fetches nothing.
 *
 * Like a TanStack Query key, `key` must name everything `load` reads: a new key is a new query,
 * a new `load` for the same key is taken as the same query. A `null` key asks nothing and stays loading,
 * for a query that waits on something else.
 */
export function useQuery<Data>(key: string | null, load: QueryLoader<Data>): QueryResult<Data> {
  const { store } = useCreditContext();
  // The loader of the latest render, so a later refetch or invalidation never calls a stale closure.
  const latestLoad = useRef(load);
  useEffect(() => {
    latestLoad.current = load;
  });
  const subscribe = useCallback(
    (onChange: () => void) =>
      key === null ? observeNothing() : store.observe(key, () => latestLoad.current(), onChange),
    [store, key],
  );
  const getSnapshot = useCallback(
    (): QuerySnapshot<Data> => (key === null ? loadingSnapshot : store.getSnapshot<Data>(key)),
    [store, key],
  );
  const snapshot = useSyncExternalStore(subscribe, getSnapshot, serverSnapshot);
  const refetch = useCallback(() => (key === null ? askNothing() : store.refetch(key)), [store, key]);
  return useMemo(() => ({ ...snapshot, refetch }), [snapshot, refetch]);
}
