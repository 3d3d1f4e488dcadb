import type { QuoteCreateParams, SpendLimitTarget } from '@creditkit/sdk';

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
  /** The balance (`useBalance`); the event stream writes it on `balance.updated` and `renewal.completed`. */
  balance: 'balance',
  /** The current plan and its scheduled change (`usePlan`). */
  plan: 'plan',
  /**
   * Granted credits expiring by the period's end (`useRenewalPreview`, R28). Keyed by the granted total too: a
   * spend, grant or expiry moves it, and with it what expires first.
   */
  grantedExpiring: (periodEnd: string, granted: number) => `granted-expiring:${periodEnd}:${granted}`,
  /** The plan catalogue (`usePlans`). */
  plans: 'plans',
  /** The AI models and their rates (`useAiModels`), from which estimates with token counts are computed. */
  aiModels: 'ai-models',
  /**
   * Reaches every action's cost, and every run quote, which sit under their action's key: invalidate it after an
   * own API key is set or removed (R10).
   */
  actionCosts: 'action-cost',
  /** One action's cost (`useActionCost`, `useActionCosts`). */
  actionCost: (actionId: string) => `action-cost:${actionId}`,
  /**
   * What a run over these rows would cost and where it would stop (`useRunQuote`, R23), under its action's
   * key: what changes the action's cost (an own key, R10) changes the quote.
   */
  quote: (params: QuoteCreateParams) => `action-cost:${params.actionId}:quote:${stableSegment(params)}`,
  /**
   * Reaches every run quote: the event stream invalidates them when the balance, a limit or a refund moves,
   * as each of those can change what a run would charge and where it would stop.
   */
  quotes: (key: string) => key.startsWith('action-cost:') && key.includes(':quote:'),
  /** Reaches every workbook and enrichment spend limit. */
  spendLimits: 'spend-limit',
  /** One workbook's or enrichment's spend limit (`useSpendLimit`). */
  spendLimit: (target: SpendLimitTarget) =>
    'workbookId' in target
      ? `spend-limit:workbook:${target.workbookId}`
      : `spend-limit:enrichment:${target.enrichmentId}`,
  /** The workspace's alerts (`useAlerts`, R25); every event may move one across its threshold. */
  alerts: 'alerts',
  /** The latest `alert.triggered` event not dismissed, written by the event stream only (`useAlertTriggered`). */
  alertTriggered: 'alert-triggered',
  /** The workspace's auto top-up (`useAutoTopUp`, R27); every event may move the balance across its threshold. */
  autoTopUp: 'auto-top-up',
  /** The latest `limit.reached` event not cleared since, written by the event stream only (`useLimitReached`). */
  limitReached: 'limit-reached',
  /** Reaches every usage report, whatever its period and grouping; refunds invalidate it. */
  usages: 'usage',
  /** One usage report, by its params (`useUsage`). */
  usage: (params: object) => `usage:${stableSegment(params)}`,
  /** One activity list, by its filters (`useCreditActivity`); under `usages`, so refunds invalidate it too. */
  usageActivity: (params: object) => `usage:activity:${stableSegment(params)}`,
  /** Reaches every estimate the server counted from a prompt. */
  aiEstimates: 'ai-estimate',
  /** One estimate the server counted from a prompt (`useAiEstimate` without `inputTokens`). */
  aiEstimate: (params: object) => `ai-estimate:${stableSegment(params)}`,
} as const;
