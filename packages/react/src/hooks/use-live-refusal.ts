import type { LimitDetails, SpendLimit, SpendLimitTarget } from '@creditkit/sdk';
import { useEffect, useMemo, useState } from 'react';
import { useCreditContext } from '../provider/credit-context';
import { creditQueryKeys } from '../store/query-keys';
import { useQuery } from './use-query';

/** The spend limit a refusal names, when it is one a limit holds (a workbook's or an enrichment's). */
function limitTargetOf(refusal: LimitDetails | null): SpendLimitTarget | null {
  if (refusal?.id == null) return null;
  if (refusal.scope === 'workbook') return { workbookId: refusal.id };
  if (refusal.scope === 'enrichment') return { enrichmentId: refusal.id };
  return null;
}

/** The refusal in the light of its limit as it is now: gone once nothing blocks, else the current numbers. */
function standing(refusal: LimitDetails, now: SpendLimit): LimitDetails | null {
  if (!now.enabled || now.limit === null || now.remaining === null) return null;
  // Raised (or changed) since the refusal and leaving room: the server announces this as `limit.cleared` too.
  if (now.limit !== refusal.limit && now.remaining > 0) return null;
  return { ...refusal, limit: now.limit, spent: now.spent, remaining: now.remaining };
}

/**
 * A refused charge's `LimitDetails` as its workbook (R11) or enrichment (R12) limit stands now: null once
 * the limit is turned off or changed so that it leaves room (saved here, or elsewhere and heard as
 * `limit.cleared`), else the refusal with the limit's current numbers. Other refusals (a run budget, the
 * balance) come back as they are. The limit is asked for again when a refusal comes in, and what the
 * cache held before it is not trusted, as it may predate the refusal.
 */
export function useLiveRefusal(refusal: LimitDetails | null): LimitDetails | null {
  const { client, store } = useCreditContext();
  const target = limitTargetOf(refusal);
  const key = target ? creditQueryKeys.spendLimit(target) : null;
  const { data } = useQuery(key, () =>
    target ? client.spendLimits.retrieve(target) : Promise.reject(new Error('No limit to follow.')),
  );
  const [before, setBefore] = useState({ refusal, data });
  if (before.refusal !== refusal) setBefore({ refusal, data });
  useEffect(() => {
    if (key !== null && refusal) void store.refetch(key);
  }, [store, key, refusal]);
  return useMemo(
    () => (refusal && data && data !== before.data ? standing(refusal, data) : refusal),
    [refusal, data, before.data],
  );
}
