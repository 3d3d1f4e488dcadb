export type {
  CreditClient,
  CreditClientOptions,
  SecretKeyClientOptions,
  SessionTokenClientOptions,
} from './client';
export { createCreditClient } from './client';
export { ApiError } from './core/errors/api-error';
export { AuthenticationError } from './core/errors/authentication-error';
export { ConnectionError } from './core/errors/connection-error';
export { CreditError } from './core/errors/credit-error';
export { IdempotencyConflictError } from './core/errors/idempotency-conflict-error';
export { InsufficientCreditsError } from './core/errors/insufficient-credits-error';
export { NotFoundError } from './core/errors/not-found-error';
export { PermissionDeniedError } from './core/errors/permission-denied-error';
export { RateLimitError } from './core/errors/rate-limit-error';
export { ResponseValidationError } from './core/errors/response-validation-error';
export { SpendLimitReachedError } from './core/errors/spend-limit-reached-error';
export { TimeoutError } from './core/errors/timeout-error';
export type { ValidationIssue } from './core/errors/validation-error';
export { ValidationError } from './core/errors/validation-error';
export type { Page, PagePromise } from './core/pagination';
export type { AiCostEstimate, AiRates, AiTokens } from './helpers/estimate-ai-cost';
export { estimateAiCost } from './helpers/estimate-ai-cost';
export type { FormatCreditsOptions } from './helpers/format-credits';
export { formatCredits } from './helpers/format-credits';
export type { ParseCreditsResult } from './helpers/parse-credits';
export { parseCredits } from './helpers/parse-credits';
export type { PreviewRenewalParams, RenewalPreview } from './helpers/preview-renewal';
export { previewRenewal } from './helpers/preview-renewal';
export type { RequestOptions } from './internal/http';
export type { ActionsResource } from './resources/actions';
export type { AiEstimatesResource, AiModelsResource, AiResource, AiRunsResource } from './resources/ai';
export type { AlertsResource } from './resources/alerts';
export type { AutoTopUpResource } from './resources/auto-top-up';
export type { BalanceResource } from './resources/balance';
export type { ChargesResource } from './resources/charges';
export type { EventsResource, SubscribeOptions } from './resources/events';
export type { GrantsResource } from './resources/grants';
export type { IntegrationsResource } from './resources/integrations';
export type { LedgerResource } from './resources/ledger';
export type { PlanResource } from './resources/plan';
export type { PlansResource } from './resources/plans';
export type { PurchasesResource } from './resources/purchases';
export type { QuotesResource } from './resources/quotes';
export type { SessionsResource } from './resources/sessions';
export type { SpendLimitsResource, SpendLimitTarget } from './resources/spend-limits';
export type { UsageResource } from './resources/usage';
export type { WebhookEndpointsResource } from './resources/webhook-endpoints';
export type { Action, ActionListParams } from './schemas/actions';
export type { AiEstimate, AiEstimateCreateParams, AiModel, AiRun, AiRunCreateParams } from './schemas/ai';
export type { Alert, AlertParams, AlertTriggered } from './schemas/alerts';
export { MAX_ALERTS } from './schemas/alerts';
export type {
  AutoTopUp,
  AutoTopUpMonth,
  AutoTopUpUpdateParams,
  TopUpCapped,
  TopUpCompleted,
} from './schemas/auto-top-up';
export type { Balance } from './schemas/balance';
export type { Charge, ChargeCreateParams, ChargeRefundParams, ChargeTrigger } from './schemas/charges';
export type { CreditEvent } from './schemas/events';
export type { Grant, GrantCreateParams, GrantListParams, GrantReason } from './schemas/grants';
export type { Integration, IntegrationKeySetParams } from './schemas/integrations';
export type { LedgerEntry, LedgerListParams } from './schemas/ledger';
export type { CurrentPlan, Plan, PlanChangeParams, RolloverRule } from './schemas/plans';
export type { PageParams } from './schemas/primitives';
export type { LimitDetails, Problem } from './schemas/problem';
export type { Purchase, PurchaseCreateParams } from './schemas/purchases';
export type { Quote, QuoteCreateParams } from './schemas/quotes';
export type { Session, SessionCreateParams } from './schemas/sessions';
export type { SpendLimit, SpendLimitUpdateParams } from './schemas/spend-limits';
export type { UsageExportParams, UsageParams, UsageReport, UsageRow } from './schemas/usage';
export type {
  UsageActivity,
  UsageActivityPage,
  UsageActivityParams,
  UsageActivityRefundReason,
  UsageActivityRun,
} from './schemas/usage-activity';
export type {
  WebhookDelivery,
  WebhookDeliveryAttempt,
  WebhookDeliveryListParams,
  WebhookDeliveryWithAttempts,
  WebhookEndpoint,
  WebhookEndpointCreateParams,
  WebhookEndpointUpdateParams,
  WebhookEndpointWithSecret,
} from './schemas/webhook-endpoints';
