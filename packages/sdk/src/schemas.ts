/**
 * The Credit API contract as zod/mini schemas, for the reference server and for tools that
 * validate or document the API. Apps talk to the API through `createCreditClient` instead.
 */

export {
  characterCount,
  hasAtMostThreeDecimals,
  isCalendarDate,
  isStorableText,
  MAX_CREDIT_TOTAL,
  MAX_CREDITS,
  MAX_TOKENS,
} from '@creditkit/rules';
export type { Action, ActionListParams } from './schemas/actions';
export { action, actionListParams, actionPage } from './schemas/actions';
export type { AiEstimate, AiEstimateCreateParams, AiModel, AiRun, AiRunCreateParams } from './schemas/ai';
export {
  aiEstimate,
  aiEstimateCreateParams,
  aiModel,
  aiModelPage,
  aiRun,
  aiRunCreateParams,
  estimateTooLargeDetails,
  MAX_PROMPT_LENGTH,
} from './schemas/ai';
export type { Alert, AlertParams, AlertTriggered } from './schemas/alerts';
export {
  alert,
  alertPage,
  alertParams,
  alertScopes,
  alertTriggered,
  alertUnits,
  MAX_ALERTS,
  tooManyAlertsDetails,
} from './schemas/alerts';
export type {
  AutoTopUp,
  AutoTopUpMonth,
  AutoTopUpUpdateParams,
  TopUpCapped,
  TopUpCompleted,
} from './schemas/auto-top-up';
export {
  autoTopUp,
  autoTopUpCapReasons,
  autoTopUpMonth,
  autoTopUpUpdateParams,
  topUpCapped,
  topUpCompleted,
} from './schemas/auto-top-up';
export type { Balance } from './schemas/balance';
export { balance, renewalState } from './schemas/balance';
export type { Charge, ChargeCreateParams, ChargeRefundParams, ChargeTrigger } from './schemas/charges';
export { charge, chargeCreateParams, chargeRefundParams, chargeStatus, chargeTriggers } from './schemas/charges';
export type { DevWorkspace } from './schemas/dev';
export { devWorkspace, devWorkspaceCreateParams } from './schemas/dev';
export type { CreditEvent } from './schemas/events';
export {
  alertTriggeredEvent,
  balanceUpdatedEvent,
  chargeRefundedEvent,
  creditEvent,
  creditEventEnvelope,
  creditEventTypes,
  eventId,
  eventStreamParams,
  grantCreatedEvent,
  grantExpiredEvent,
  limitClearedEvent,
  limitReachedEvent,
  renewalCompletedEvent,
  topUpCappedEvent,
  topUpCompletedEvent,
} from './schemas/events';
export type { Grant, GrantCreateParams, GrantListParams, GrantReason } from './schemas/grants';
export {
  grant,
  grantCreateParams,
  grantListParams,
  grantPage,
  grantReason,
  grantSource,
  grantTooLargeDetails,
  MAX_GRANT_NOTE_LENGTH,
  MAX_GRANT_PRIORITY,
  MIN_GRANT_PRIORITY,
} from './schemas/grants';
export type { Liveness, Readiness } from './schemas/health';
export { liveness, readiness } from './schemas/health';
export type { Integration, IntegrationKeySetParams } from './schemas/integrations';
export { integration, integrationKeySetParams, integrationPage } from './schemas/integrations';
export type { LedgerEntry, LedgerListParams } from './schemas/ledger';
export { ledgerEntry, ledgerEntryType, ledgerListParams, ledgerPage } from './schemas/ledger';
export type { CurrentPlan, Plan, PlanChangeParams, RolloverRule } from './schemas/plans';
export { currentPlan, plan, planChangeParams, planPage, rolloverRule } from './schemas/plans';
export type { PageParams } from './schemas/primitives';
export {
  calendarDate,
  count,
  creditAmount,
  credits,
  creditTotal,
  idempotencyKey,
  maxCharacters,
  openEnum,
  page,
  pageParams,
  positiveCreditAmount,
  resourceId,
  storableText,
  timestamp,
  timestampInput,
  tokenCount,
} from './schemas/primitives';
export type { LimitDetails, Problem } from './schemas/problem';
export { limitDetails, problem, validationDetails, validationIssue } from './schemas/problem';
export type { Purchase, PurchaseCreateParams } from './schemas/purchases';
export { purchase, purchaseCreateParams, purchaseTooLargeDetails } from './schemas/purchases';
export type { Quote, QuoteCreateParams } from './schemas/quotes';
export {
  MAX_QUOTE_RECORDS,
  MAX_QUOTE_ROWS,
  quote,
  quoteCreateParams,
  quotedRecord,
  quotedRowOutcome,
  quoteRecordIds,
  quoteStop,
  quoteUsage,
} from './schemas/quotes';
export type { RouteAccess, RouteContract, RouteRefusal } from './schemas/routes';
export { routes } from './schemas/routes';
export type { Session, SessionCreateParams } from './schemas/sessions';
export { roles, session, sessionCreateParams } from './schemas/sessions';
export type { SpendLimit, SpendLimitUpdateParams } from './schemas/spend-limits';
export { spendLimit, spendLimitScope, spendLimitUpdateParams } from './schemas/spend-limits';
export type { UsageExportParams, UsageParams, UsageReport, UsageRow } from './schemas/usage';
export {
  usageCsvKeyColumns,
  usageCsvTotals,
  usageExportParams,
  usageGroups,
  usageParams,
  usageReport,
  usageRow,
} from './schemas/usage';
export type {
  UsageActivity,
  UsageActivityPage,
  UsageActivityParams,
  UsageActivityRefundReason,
  UsageActivityRun,
} from './schemas/usage-activity';
export {
  MAX_ACTIVITY_DAYS,
  usageActivity,
  usageActivityPage,
  usageActivityParams,
  usageActivityRefundReason,
  usageActivityRun,
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
export {
  isWebhookUrl,
  MAX_WEBHOOK_ENDPOINTS,
  MAX_WEBHOOK_EVENT_TYPES,
  MAX_WEBHOOK_URL_LENGTH,
  webhookDelivery,
  webhookDeliveryAttempt,
  webhookDeliveryListParams,
  webhookDeliveryPage,
  webhookDeliveryStatus,
  webhookDeliveryWithAttempts,
  webhookEndpoint,
  webhookEndpointCreateParams,
  webhookEndpointLimitDetails,
  webhookEndpointPage,
  webhookEndpointUpdateParams,
  webhookEndpointWithSecret,
  webhookEventType,
  webhookEventTypes,
  webhookUrl,
} from './schemas/webhook-endpoints';
