import type { SpendLimit, SpendLimitTarget, SpendLimitUpdateParams } from '@creditkit/sdk';
import { useCallback, useRef, useState } from 'react';
import { useCreditContext } from '../provider/credit-context';
import { creditQueryKeys } from '../store/query-keys';
import { updateSpendLimit } from '../store/update-spend-limit';
import type { QueryResult } from './use-query';
import { useQuery } from './use-query';

/** Where the latest save of this hook stands; `error` is the SDK's, so the UI can say why. */
export type SpendLimitUpdateState =
  | {
      /** `idle` before any save and after `resetUpdate`, `pending` while one is in flight, `success` once accepted. */
      status: 'idle' | 'pending' | 'success';
      /** Undefined unless the latest save failed. */
      error: undefined;
    }
  | {
      /** The latest save failed: the previous limit comes back and is fetched again. */
      status: 'error';
      /**
       * What the SDK threw: `PermissionDeniedError` for a member (R20), `AuthenticationError` once the session
       * ended, `ValidationError`, or a `ConnectionError`.
       */
      error: unknown;
    };

/** The limit as a query, plus its save: what a spend-limit dialog needs. */
export type SpendLimitResult = QueryResult<SpendLimit> & {
  /**
   * Saves the limit (admins only, R20), showing it at once and putting the previous one back if the
   * save fails. Resolves to the saved limit, or to undefined when the save failed: the failure is in
   * `updateState.error` (`PermissionDeniedError` for a member, `ValidationError`, a lost connection).
   */
  update: (params: SpendLimitUpdateParams) => Promise<SpendLimit | undefined>;
  /** Where the latest save stands: to show it in progress, confirm it, or say why it failed. */
  updateState: SpendLimitUpdateState;
  /** True while the shown limit is the unconfirmed save. */
  isOptimistic: boolean;
  /** Forgets a finished save's outcome, e.g. when the dialog closes. */
  resetUpdate: () => void;
};

const idle: SpendLimitUpdateState = { status: 'idle', error: undefined };

/**
 * A workbook's (R11) or an enrichment's (R12) credit spend limit, with what is spent and remains,
 * and the way to change it. Refetched when the limit is reached or cleared.
 */
export function useSpendLimit(target: SpendLimitTarget): SpendLimitResult {
  const { client, store } = useCreditContext();
  const limit = useQuery(creditQueryKeys.spendLimit(target), () => client.spendLimits.retrieve(target));
  const [updateState, setUpdateState] = useState<SpendLimitUpdateState>(idle);
  // Only the latest save may report, so a slow earlier save cannot overwrite the outcome of a later one.
  const latestSave = useRef(0);

  const update = async (params: SpendLimitUpdateParams) => {
    const save = ++latestSave.current;
    setUpdateState({ status: 'pending', error: undefined });
    try {
      const saved = await updateSpendLimit(store, client, target, params);
      if (save === latestSave.current) setUpdateState({ status: 'success', error: undefined });
      return saved;
    } catch (error) {
      if (save === latestSave.current) setUpdateState({ status: 'error', error });
      return undefined;
    }
  };
  const resetUpdate = useCallback(() => {
    latestSave.current += 1;
    setUpdateState(idle);
  }, []);

  return {
    ...limit,
    update,
    updateState,
    isOptimistic: updateState.status === 'pending' && limit.data !== undefined,
    resetUpdate,
  };
}
