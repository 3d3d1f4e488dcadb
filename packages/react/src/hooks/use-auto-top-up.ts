import type { AutoTopUp, AutoTopUpUpdateParams } from '@creditkit/sdk';
import { useCallback, useRef, useState } from 'react';
import { useCreditContext } from '../provider/credit-context';
import { creditQueryKeys } from '../store/query-keys';
import type { QueryResult } from './use-query';
import { useQuery } from './use-query';

/** Where the latest save made through the hook stands; `error` is the SDK's, so the UI can say why. */
export type AutoTopUpUpdateState =
  | {
      /** Nothing saved yet, a save on its way, or the latest one saved. */
      status: 'idle' | 'pending' | 'saved';
      /** No error. */
      error: undefined;
    }
  | {
      /** The latest save failed. */
      status: 'error';
      /** `PermissionDeniedError` for a member (R20), `AuthenticationError` once the session ended, `ValidationError`, ... */
      error: unknown;
    };

/** The auto top-up as a query, plus its save. */
export type AutoTopUpResult = QueryResult<AutoTopUp> & {
  /**
   * Sets the whole auto top-up (admins only, R20); resolves to it, or to undefined when the save failed
   * (`updateState.error`). A balance already below the new threshold is topped up by the save itself.
   */
  update: (params: AutoTopUpUpdateParams) => Promise<AutoTopUp | undefined>;
  /** The latest save's outcome. */
  updateState: AutoTopUpUpdateState;
  /** Forgets the latest save's outcome, e.g. when the form is edited again. */
  resetUpdate: () => void;
};

const idle: AutoTopUpUpdateState = { status: 'idle', error: undefined };

/**
 * The workspace's auto top-up (R27): threshold, amount, monthly cap, whether it is `armed` or waiting for the
 * balance to come back, and this month's top-ups; refetched on every event, since any may move the balance across
 * the threshold. Members read it; the API refuses their saves (R20).
 */
export function useAutoTopUp(): AutoTopUpResult {
  const { client, store } = useCreditContext();
  const autoTopUp = useQuery(creditQueryKeys.autoTopUp, () => client.autoTopUp.retrieve());
  const [updateState, setUpdateState] = useState<AutoTopUpUpdateState>(idle);
  // Only the latest save may report, so a slow earlier one cannot overwrite the outcome of a later one.
  const latest = useRef(0);

  const update = async (params: AutoTopUpUpdateParams) => {
    const turn = ++latest.current;
    setUpdateState({ status: 'pending', error: undefined });
    try {
      const saved = await client.autoTopUp.update(params);
      store.setData(creditQueryKeys.autoTopUp, saved);
      if (turn === latest.current) setUpdateState({ status: 'saved', error: undefined });
      return saved;
    } catch (error) {
      if (turn === latest.current) setUpdateState({ status: 'error', error });
      store.invalidate(creditQueryKeys.autoTopUp);
      return undefined;
    }
  };
  const resetUpdate = useCallback(() => {
    latest.current += 1;
    setUpdateState(idle);
  }, []);

  return { ...autoTopUp, update, updateState, resetUpdate };
}
