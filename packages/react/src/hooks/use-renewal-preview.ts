import { type CreditClient, type CurrentPlan, type Plan, previewRenewal, type RenewalPreview } from '@creditkit/sdk';
import { useMemo } from 'react';
import { useCreditContext } from '../provider/credit-context';
import { creditQueryKeys } from '../store/query-keys';
import { loadingSnapshot, type QuerySnapshot } from '../store/query-snapshot';
import { useBalance } from './use-balance';
import { usePlan } from './use-plan';
import { usePlans } from './use-plans';
import type { QueryResult } from './use-query';
import { useQuery } from './use-query';

/** The SDK's `RenewalPreview`, with the plans and the date it is about, for a widget to say what happens when. */
export type RenewalPreviewData = RenewalPreview & {
  /** When the renewal happens: the end of the current period. */
  renewsAt: string;
  /** The plan that is ending. */
  plan: Plan;
  /** The plan renewed into: a scheduled change (R6), what a trial becomes (R5), or the same plan. */
  nextPlan: Plan;
};

/** Loading until the balance, the plan and the catalogue are in; then the preview, kept current with them. */
export type RenewalPreviewResult = QueryResult<RenewalPreviewData>;

/** The plan the next renewal moves to. */
function nextPlanId({ plan, scheduledChange }: CurrentPlan): string {
  return scheduledChange?.planId ?? plan.thenPlanId ?? plan.id;
}

/**
 * Granted credits whose grant expires on or before `periodEnd` (R28). Grants come in burn order, soonest expiry
 * first and never-expiring last (R2), so reading stops at the first grant that outlasts the period.
 */
async function grantedExpiringBy(client: CreditClient, periodEnd: string): Promise<number> {
  const end = Date.parse(periodEnd);
  let thousandths = 0;
  for await (const grant of client.grants.list()) {
    if (grant.expiresAt === null || Date.parse(grant.expiresAt) > end) break;
    if (grant.source === 'granted') thousandths += Math.round(grant.remaining * 1000);
  }
  return thousandths / 1000;
}

/**
 * What the next renewal keeps and forfeits (R3–R6), computed with the SDK's `previewRenewal` from the
 * balance, the plan and the catalogue, so a balance meter can warn before credits expire. Follows the
 * balance live.
 */
export function useRenewalPreview(): RenewalPreviewResult {
  const { client } = useCreditContext();
  const balance = useBalance();
  const plan = usePlan();
  const plans = usePlans();
  // Only a workspace holding granted credits asks which of them expire first.
  const granted = balance.data?.bySource.granted ?? 0;
  const periodEnd = plan.data?.periodEnd;
  const expiring = useQuery(granted > 0 && periodEnd ? creditQueryKeys.grantedExpiring(periodEnd, granted) : null, () =>
    grantedExpiringBy(client, periodEnd as string),
  );

  const snapshot = useMemo((): QuerySnapshot<RenewalPreviewData> => {
    const parts = [balance, plan, plans, ...(granted > 0 ? [expiring] : [])];
    const updatedAt = Math.max(...parts.map((part) => part.updatedAt));
    const isFetching = parts.some((part) => part.isFetching);
    const failed = parts.find((part) => part.status === 'error' && part.data === undefined);
    if (failed) return { status: 'error', data: undefined, error: failed.error, updatedAt, isFetching };
    if (!balance.data || !plan.data || !plans.data || (granted > 0 && expiring.data === undefined))
      return { ...loadingSnapshot, isFetching };
    const current = plan.data;
    const next = plans.data.find((candidate) => candidate.id === nextPlanId(current));
    if (!next) {
      const error = new Error(`The plan catalogue has no plan "${nextPlanId(current)}".`);
      return { status: 'error', data: undefined, error, updatedAt, isFetching };
    }
    const { bySource, pending } = balance.data;
    const grantedExpiring = granted > 0 ? expiring.data : 0;
    const preview = previewRenewal({ plan: current.plan, bySource, pending, nextPlan: next, grantedExpiring });
    const data = { ...preview, renewsAt: current.periodEnd, plan: current.plan, nextPlan: next };
    return { status: 'success', data, error: undefined, updatedAt, isFetching };
  }, [balance, plan, plans, granted, expiring]);

  const refetch = useMemo(() => {
    const all = [balance.refetch, plan.refetch, plans.refetch, expiring.refetch];
    return () => Promise.all(all.map((refetchPart) => refetchPart())).then(() => undefined);
  }, [balance.refetch, plan.refetch, plans.refetch, expiring.refetch]);

  return useMemo(() => ({ ...snapshot, refetch }), [snapshot, refetch]);
}
