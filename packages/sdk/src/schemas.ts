/**
 * The Credit API contract as zod/mini schemas, for the reference server and for tools that
 * validate or document the API. Apps talk to the API through `createCreditClient` instead.
 */

export { action, actionListParams, actionPage } from './schemas/actions';
export {
  aiEstimate,
  aiEstimateCreateParams,
  aiModel,
  aiModelPage,
  aiRun,
  aiRunCreateParams,
} from './schemas/ai';
export { hasAtMostThreeDecimals, MAX_CREDITS } from './schemas/amount-rules';
export { balance, renewalState } from './schemas/balance';
export { charge, chargeCreateParams, chargeRefundParams, chargeStatus } from './schemas/charges';
export { devWorkspace, devWorkspaceCreateParams } from './schemas/dev';
export { creditEvent, creditEventTypes } from './schemas/events';
export { grant, grantListParams, grantPage, grantSource } from './schemas/grants';
export { integration, integrationKeySetParams, integrationPage } from './schemas/integrations';
export { ledgerEntry, ledgerEntryType, ledgerListParams, ledgerPage } from './schemas/ledger';
export { currentPlan, plan, planChangeParams, planPage, rolloverRule } from './schemas/plans';
export {
  count,
  creditAmount,
  credits,
  openEnum,
  page,
  pageParams,
  positiveCreditAmount,
  resourceId,
  timestamp,
} from './schemas/primitives';
export { limitDetails, problem } from './schemas/problem';
export { purchase, purchaseCreateParams } from './schemas/purchases';
export type { RouteAccess, RouteContract } from './schemas/routes';
export { routes } from './schemas/routes';
export { roles, session, sessionCreateParams } from './schemas/sessions';
export { spendLimit, spendLimitScope, spendLimitUpdateParams } from './schemas/spend-limits';
export { usageGroups, usageParams, usageReport, usageRow } from './schemas/usage';
