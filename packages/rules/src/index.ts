/**
 * The creditkit rules as pure functions over plain data: no network, no database, no runtime APIs, so the
 * reference server, the SDK and the widgets all apply the very same rule. Amounts are integer thousandths.
 */

export type { AlertReading, AlertStep, AlertThreshold } from './alert-crossing';
export { alertReached, crossAlert } from './alert-crossing';
export { MAX_CREDIT_TOTAL, MAX_CREDITS, MAX_TOKENS } from './amount-limits';
export type { Thousandths } from './amounts';
export { hasAtMostThreeDecimals, maxAmount, toCredits, toThousandths } from './amounts';
export type { AutoTopUpCapReason, AutoTopUpReading, AutoTopUpSettings, AutoTopUpStep } from './auto-top-up';
export { belowTopUpThreshold, crossTopUpThreshold, topUpCapMonth } from './auto-top-up';
export { allocate, applyDebits, compareBurnOrder, spendableGrants } from './burn-order';
export { isCalendarDate } from './calendar-date';
export type { ChargeContext, ChargeDecision } from './charge';
export { decideCharge, spendableBalance } from './charge';
export { expiredRemainders } from './grant-expiry';
export { maxHeld, purchasable } from './holding-limit';
export { limitRemaining } from './limit-remaining';
export type { PlanPeriod, PlanRule, RenewingPlan, RolloverRule } from './plans';
export { periodEnd } from './plans';
export type { ModelRates } from './pricing';
export { priceTokens, runCost } from './pricing';
export type { QuotedRowOutcome, QuoteStop, RunQuote, RunQuoteInput } from './quote-run';
export { quoteRun } from './quote-run';
export type { RefundDecision } from './refund';
export { decideRefund } from './refund';
export type { RenewalInput, RenewalPlan } from './renewal';
export { planRenewal, rolloverAllowed, rolloverKept } from './renewal';
export type { HeldCredits, RenewalPreview } from './renewal-preview';
export { previewRenewal } from './renewal-preview';
export { characterCount, isStorableText } from './text';
export type {
  ChargeTrigger,
  Debit,
  GrantSource,
  GrantState,
  LimitState,
  Refusal,
  RefusalCode,
  RunState,
} from './types';
