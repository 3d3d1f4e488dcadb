import { limitRemaining, toCredits, toThousandths } from '@creditkit/rules';
import type { SpendLimit, SpendLimitsResource, SpendLimitTarget, SpendLimitUpdateParams } from '@creditkit/sdk';
import type { CreditStore } from './credit-store';
import { creditQueryKeys } from './query-keys';

/** The limit as the server will report it once saved: `remaining` computed the way the server does, in thousandths. */
function savedLookingLimit(shown: SpendLimit, params: SpendLimitUpdateParams): SpendLimit {
  const remaining = toCredits(limitRemaining(toThousandths(params.limit), toThousandths(shown.spent)));
  return { ...shown, enabled: params.enabled, limit: params.limit, remaining };
}

/**
 * Changes a workbook or enrichment spend limit (admins only, R20) and shows the change before the
 * server confirms it. On failure the previous limit comes back, unless something newer (an event,
 * another save) replaced the guess meanwhile, and the limit is fetched again: a timed-out save may
 * have landed. Throws the SDK's error, so the caller can say why (a member's `PermissionDeniedError`,
 * a `ValidationError`, a lost connection).
 */
export async function updateSpendLimit(
  store: CreditStore,
  client: { spendLimits: Pick<SpendLimitsResource, 'update'> },
  target: SpendLimitTarget,
  params: SpendLimitUpdateParams,
): Promise<SpendLimit> {
  const key = creditQueryKeys.spendLimit(target);
  const shown = store.getSnapshot<SpendLimit>(key).data;
  // A limit the SDK will refuse before sending is not worth showing, even for a moment.
  const plausible = Number.isFinite(params.limit) && params.limit >= 0;
  const guess = shown && plausible ? savedLookingLimit(shown, params) : undefined;
  if (guess) store.setData(key, guess);
  try {
    const saved = await client.spendLimits.update(target, params);
    store.setData(key, saved);
    // A limit raised, lowered or turned off moves where a quoted run would stop (R23).
    store.invalidate(creditQueryKeys.quotes);
    return saved;
  } catch (error) {
    if (shown && guess && store.getSnapshot<SpendLimit>(key).data === guess) store.setData(key, shown);
    store.invalidate(key);
    throw error;
  }
}
