import type { SpendLimitTarget } from '@creditkit/sdk';

/** Params as a key segment that does not depend on property order or on properties left undefined. */
function stableSegment(params: object): string {
  const entries = Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

/**
 * The store keys of every query the kit makes. Segments are joined with `:` so that invalidating a
 * key reaches the keys under it: `creditQueryKeys.spendLimits` reaches every workbook and enrichment limit.
 * Hosts use them to invalidate after changes the kit cannot see (a purchase made elsewhere, say).
 */
export const creditQueryKeys = {
  balance: 'balance',
  plan: 'plan',
  plans: 'plans',
  aiModels: 'ai-models',
  actionCosts: 'action-cost',
  actionCost: (actionId: string) => `action-cost:${actionId}`,
  spendLimits: 'spend-limit',
  spendLimit: (target: SpendLimitTarget) =>
    'workbookId' in target
      ? `spend-limit:workbook:${target.workbookId}`
      : `spend-limit:enrichment:${target.enrichmentId}`,
  /** The latest `limit.reached` event not cleared since, written by the event stream only (`useLimitReached`). */
  limitReached: 'limit-reached',
  usages: 'usage',
  usage: (params: object) => `usage:${stableSegment(params)}`,
  aiEstimates: 'ai-estimate',
  aiEstimate: (params: object) => `ai-estimate:${stableSegment(params)}`,
} as const;
