// The public entry of @creditkit/react: every export is named here, so what is public is a decision.

export { useActionCost } from './hooks/use-action-cost';
export type { ActionCostsResult } from './hooks/use-action-costs';
export { useActionCosts } from './hooks/use-action-costs';
export type { AiEstimateResult } from './hooks/use-ai-estimate';
export { useAiEstimate } from './hooks/use-ai-estimate';
export { useAiModels } from './hooks/use-ai-models';
export type { AlertTriggeredResult } from './hooks/use-alert-triggered';
export { useAlertTriggered } from './hooks/use-alert-triggered';
export type { AlertChangeState, AlertsResult } from './hooks/use-alerts';
export { useAlerts } from './hooks/use-alerts';
export type { AutoTopUpResult, AutoTopUpUpdateState } from './hooks/use-auto-top-up';
export { useAutoTopUp } from './hooks/use-auto-top-up';
export { useBalance } from './hooks/use-balance';
export type { CreditActivityPages, CreditActivityParams, CreditActivityResult } from './hooks/use-credit-activity';
export { useCreditActivity } from './hooks/use-credit-activity';
export { useCreditClient } from './hooks/use-credit-client';
export type { CreditFormat } from './hooks/use-credit-format';
export { useCreditFormat } from './hooks/use-credit-format';
export { useCreditMessages } from './hooks/use-credit-messages';
export { useCreditRole } from './hooks/use-credit-role';
export { useCreditStore } from './hooks/use-credit-store';
export { useLimitReached } from './hooks/use-limit-reached';
export { useLiveRefusal } from './hooks/use-live-refusal';
export { usePlan } from './hooks/use-plan';
export { usePlans } from './hooks/use-plans';
export type { QueryResult } from './hooks/use-query';
export { useQuery } from './hooks/use-query';
export type { RenewalPreviewData, RenewalPreviewResult } from './hooks/use-renewal-preview';
export { useRenewalPreview } from './hooks/use-renewal-preview';
export type { RunQuoteResult } from './hooks/use-run-quote';
export { useRunQuote } from './hooks/use-run-quote';
export type { SpendLimitResult, SpendLimitUpdateState } from './hooks/use-spend-limit';
export { useSpendLimit } from './hooks/use-spend-limit';
export type { UsageResult } from './hooks/use-usage';
export { useUsage } from './hooks/use-usage';
export type {
  ActivitySentence,
  CreditAmountMessage,
  CreditAmountProblem,
  CreditMessages,
  UsagePeriod,
} from './messages/credit-messages';
export { defaultCreditMessages } from './messages/default-messages';
export type { CreditMessageOverrides } from './messages/merge-messages';
export type { ChoosePlural, PluralForms } from './messages/plural';
export { pluralFor } from './messages/plural';
export type { CreditProviderProps } from './provider/credit-provider';
export { CreditProvider } from './provider/credit-provider';
export type { CreditRole } from './provider/credit-role';
export type { CreditEventSource, CreditStoreOptions } from './store/create-credit-store';
export { createCreditStore } from './store/create-credit-store';
export type { CreditStore, KeyMatch } from './store/credit-store';
export { creditQueryKeys } from './store/query-keys';
export type { QueryLoader, QuerySnapshot, QueryStatus } from './store/query-snapshot';
export { updateSpendLimit } from './store/update-spend-limit';
export type { AiRunBudgetInputProps, AiRunBudgetValidity } from './widgets/ai-run-budget-input/ai-run-budget-input';
export { AiRunBudgetInput } from './widgets/ai-run-budget-input/ai-run-budget-input';
export type { AutoTopUpSettingsProps } from './widgets/auto-top-up-settings/auto-top-up-settings';
export { AutoTopUpSettings } from './widgets/auto-top-up-settings/auto-top-up-settings';
export type { ActivityPeriodDays, CreditActivityProps } from './widgets/credit-activity/credit-activity';
export { CreditActivity } from './widgets/credit-activity/credit-activity';
export type { CreditAlertNoticeProps } from './widgets/credit-alert-notice/credit-alert-notice';
export { CreditAlertNotice } from './widgets/credit-alert-notice/credit-alert-notice';
export type { CreditAlertSettingsProps } from './widgets/credit-alert-settings/credit-alert-settings';
export { CreditAlertSettings } from './widgets/credit-alert-settings/credit-alert-settings';
export type { CreditBalanceProps } from './widgets/credit-balance/credit-balance';
export { CreditBalance } from './widgets/credit-balance/credit-balance';
export type { CreditCostBadgeProps } from './widgets/credit-cost-badge/credit-cost-badge';
export { CreditCostBadge } from './widgets/credit-cost-badge/credit-cost-badge';
export type { CreditUsageProps } from './widgets/credit-usage/credit-usage';
export { CreditUsage } from './widgets/credit-usage/credit-usage';
export type { UsageTableGroup } from './widgets/credit-usage/usage-table-group';
export type { FillRateField, FillRateProps } from './widgets/fill-rate/fill-rate';
export { FillRate } from './widgets/fill-rate/fill-rate';
export type { LimitReachedNoticeProps } from './widgets/limit-reached-notice/limit-reached-notice';
export { LimitReachedNotice } from './widgets/limit-reached-notice/limit-reached-notice';
export type { RenewalPreviewProps } from './widgets/renewal-preview/renewal-preview';
export { RenewalPreview } from './widgets/renewal-preview/renewal-preview';
export type { RunCostSummaryProps } from './widgets/run-cost-summary/run-cost-summary';
export { RunCostSummary } from './widgets/run-cost-summary/run-cost-summary';
export type { SpendLimitDialogProps, SpendLimitDialogTarget } from './widgets/spend-limit-dialog/spend-limit-dialog';
export { SpendLimitDialog } from './widgets/spend-limit-dialog/spend-limit-dialog';
