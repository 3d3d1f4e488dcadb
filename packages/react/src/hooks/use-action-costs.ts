import type { Action } from '@creditkit/sdk';
import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import { useCreditContext } from '../provider/credit-context';
import { creditQueryKeys } from '../store/query-keys';
import { loadingSnapshot, type QuerySnapshot } from '../store/query-snapshot';

/** The costs of several actions, and one retry for those that failed to load. */
export interface ActionCostsResult {
  /** Each distinct action's snapshot, by id: read `effectiveCredits`, 0 with the workspace's own key (R10). */
  costs: ReadonlyMap<string, QuerySnapshot<Action>>;
  /** Asks again for every action whose cost failed to load (a retry button). Never rejects. */
  retryFailed: () => Promise<void>;
}

/**
 * What several actions cost this workspace (R8, R10), for views that add costs up, such as the Data Hub's
 * fill rate (R22). Each id shares its cache entry with `useActionCost(id)`, and the ids are asked for in
 * one tick, so the SDK sends them as one batched request.
 */
export function useActionCosts(actionIds: readonly string[]): ActionCostsResult {
  const { client, store } = useCreditContext();
  // Observing one key twice would count one listener twice, so ids are made distinct; the joined string
  // keeps the subscription stable while the host passes a new array with the same ids.
  const joined = [...new Set(actionIds)].join('\n');
  const ids = useMemo(() => (joined ? joined.split('\n') : []), [joined]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const stops = ids.map((id) =>
        store.observe(creditQueryKeys.actionCost(id), () => client.actions.retrieve(id), onChange),
      );
      return () => {
        for (const stop of stops) stop();
      };
    },
    [store, client, ids],
  );
  // useSyncExternalStore needs the same array back while no key moved, or it would render forever.
  const shown = useRef<QuerySnapshot<Action>[]>([]);
  const getSnapshot = useCallback(() => {
    const next = ids.map((id) => store.getSnapshot<Action>(creditQueryKeys.actionCost(id)));
    const previous = shown.current;
    if (next.length !== previous.length || next.some((snapshot, index) => snapshot !== previous[index])) {
      shown.current = next;
    }
    return shown.current;
  }, [store, ids]);
  const serverSnapshots = useMemo(() => ids.map(() => loadingSnapshot), [ids]);
  const snapshots = useSyncExternalStore(subscribe, getSnapshot, () => serverSnapshots);
  return useMemo(
    () => ({
      costs: new Map(ids.map((id, index) => [id, snapshots[index] ?? loadingSnapshot])),
      retryFailed: async () => {
        await Promise.all(
          ids
            .filter((_, index) => snapshots[index]?.status === 'error')
            .map((id) => store.refetch(creditQueryKeys.actionCost(id))),
        );
      },
    }),
    [ids, snapshots, store],
  );
}
