import type { AlertTriggered } from '@creditkit/sdk';
import { useCallback } from 'react';
import { useCreditContext } from '../provider/credit-context';
import { creditQueryKeys } from '../store/query-keys';
import { useQuery } from './use-query';

/** The latest alert that fired, and the way to put it aside. */
export interface AlertTriggeredResult {
  /** The latest `alert.triggered` event's data since the page started following the stream; null once dismissed. */
  triggered: AlertTriggered | null;
  /** Forgets it until the next alert fires. */
  dismiss: () => void;
}

/** The latest `alert.triggered` event (R25), written by the event stream; follows the stream while mounted. */
export function useAlertTriggered(): AlertTriggeredResult {
  const { store } = useCreditContext();
  const key = creditQueryKeys.alertTriggered;
  // Only the event stream writes this key; the API has nothing to ask, so a "fetch" keeps what is there.
  const latest = useQuery(key, () => Promise.resolve(store.getSnapshot<AlertTriggered | null>(key).data ?? null));
  const dismiss = useCallback(() => store.setData(key, null), [store]);
  return { triggered: latest.data ?? null, dismiss };
}
