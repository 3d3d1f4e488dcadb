import type { Alert, AlertParams } from '@creditkit/sdk';
import { useCallback, useRef, useState } from 'react';
import { useCreditContext } from '../provider/credit-context';
import { creditQueryKeys } from '../store/query-keys';
import type { QueryResult } from './use-query';
import { useQuery } from './use-query';

/** Where the latest change made through the hook stands; `error` is the SDK's, so the UI can say why. */
export type AlertChangeState =
  | {
      /** Nothing changed yet, a change on its way, or the latest one saved or removed. */
      status: 'idle' | 'pending' | 'saved' | 'removed';
      /** No error. */
      error: undefined;
    }
  | {
      /** The latest change failed. */
      status: 'error';
      /** `PermissionDeniedError` for a member (R20), `AuthenticationError` once the session ended, `ValidationError`, ... */
      error: unknown;
    };

/** The workspace's alerts as a query, plus the changes an admin makes to them. */
export type AlertsResult = QueryResult<readonly Alert[]> & {
  /** Creates an alert (admins only); resolves to it, or to undefined when it failed (`changeState.error`). */
  create: (params: AlertParams) => Promise<Alert | undefined>;
  /** Sets an alert's scope, unit and threshold, arming it again; undefined when it failed. */
  update: (alertId: string, params: AlertParams) => Promise<Alert | undefined>;
  /** Deletes an alert; resolves to true once deleted. */
  remove: (alertId: string) => Promise<boolean>;
  /** The latest change's outcome. */
  changeState: AlertChangeState;
  /** Forgets the latest change's outcome, e.g. when a form is reopened. */
  resetChange: () => void;
};

const idle: AlertChangeState = { status: 'idle', error: undefined };

/**
 * The workspace's threshold alerts (R25), each `armed` or `triggered`, refetched whenever an event may have moved
 * one, and the way to change them. Members read them; the API refuses their changes (R20).
 */
export function useAlerts(): AlertsResult {
  const { client, store } = useCreditContext();
  const alerts = useQuery(creditQueryKeys.alerts, async () => {
    // At most MAX_ALERTS: one page holds them all, but the list is walked to the end all the same.
    const all: Alert[] = [];
    for await (const alert of client.alerts.list()) all.push(alert);
    return all;
  });
  const [changeState, setChangeState] = useState<AlertChangeState>(idle);
  // Only the latest change may report, so a slow earlier one cannot overwrite the outcome of a later one.
  const latest = useRef(0);

  const change = async <Result>(work: () => Promise<Result>, done: 'saved' | 'removed') => {
    const turn = ++latest.current;
    setChangeState({ status: 'pending', error: undefined });
    try {
      const result = await work();
      if (turn === latest.current) setChangeState({ status: done, error: undefined });
      return result;
    } catch (error) {
      if (turn === latest.current) setChangeState({ status: 'error', error });
      return undefined;
    } finally {
      store.invalidate(creditQueryKeys.alerts);
    }
  };
  const resetChange = useCallback(() => {
    latest.current += 1;
    setChangeState(idle);
  }, []);

  return {
    ...alerts,
    create: (params) => change(() => client.alerts.create(params), 'saved'),
    update: (alertId, params) => change(() => client.alerts.update(alertId, params), 'saved'),
    remove: async (alertId) => (await change(() => client.alerts.delete(alertId), 'removed')) !== undefined,
    changeState,
    resetChange,
  };
}
