import type * as z from 'zod/mini';
import { action, actionListParams, actionPage } from './actions';
import {
  aiEstimate,
  aiEstimateCreateParams,
  aiModelPage,
  aiRun,
  aiRunCreateParams,
  estimateTooLargeDetails,
} from './ai';
import { alert, alertPage, alertParams, tooManyAlertsDetails } from './alerts';
import { autoTopUp, autoTopUpUpdateParams } from './auto-top-up';
import { balance } from './balance';
import { charge, chargeCreateParams, chargeRefundParams } from './charges';
import { devWorkspace, devWorkspaceCreateParams } from './dev';
import { creditEvent, eventStreamParams } from './events';
import { grant, grantCreateParams, grantListParams, grantPage, grantTooLargeDetails } from './grants';
import { liveness, readiness } from './health';
import { integration, integrationKeySetParams, integrationPage } from './integrations';
import { ledgerListParams, ledgerPage } from './ledger';
import { currentPlan, planChangeParams, planPage } from './plans';
import { limitDetails, validationDetails } from './problem';
import { purchase, purchaseCreateParams, purchaseTooLargeDetails } from './purchases';
import { quote, quoteCreateParams } from './quotes';
import { session, sessionCreateParams } from './sessions';
import { spendLimit, spendLimitUpdateParams } from './spend-limits';
import { usageExportParams, usageParams, usageReport } from './usage';
import { usageActivityPage, usageActivityParams } from './usage-activity';
import {
  webhookDelivery,
  webhookDeliveryListParams,
  webhookDeliveryPage,
  webhookDeliveryWithAttempts,
  webhookEndpoint,
  webhookEndpointCreateParams,
  webhookEndpointLimitDetails,
  webhookEndpointPage,
  webhookEndpointUpdateParams,
  webhookEndpointWithSecret,
} from './webhook-endpoints';

/**
 * Who may call a route: a secret key only, an admin (secret key or admin session), anyone in the workspace (R20),
 * or anyone at all with no credential (a balancer's health checks, and dev mode's workspace creation).
 */
export type RouteAccess = 'secret_key' | 'admin' | 'member' | 'anyone';

/**
 * A problem only some routes answer, beyond those the route's declaration implies (`validation_failed`,
 * `unauthorized`, `forbidden`, `not_found`, `idempotency_conflict`, `rate_limited`, ...).
 */
export interface RouteRefusal {
  /**
   * 400 for a value that is well-formed but cannot be used (it joins `validation_failed` there), 402 for a credit
   * refusal, 422 for a request that is well-formed but passes a maximum, 503 for a server that cannot serve now.
   */
  status: 400 | 402 | 422 | 503;
  /** The problem `code`s the route answers with this status. */
  codes: readonly string[];
  /** What the refusal means, for the reference. */
  description: string;
  /** The schema of the problem's `details`; none when the `code` says all there is. */
  details?: z.ZodMiniType;
}

/** A credit refusal (402): nothing was charged or reserved; `details` names the limit that blocked. */
const creditRefusal = (codes: readonly string[]): RouteRefusal => ({
  status: 402,
  codes,
  description: `A credit refusal: nothing was charged or reserved. \`code\` names what blocked (${codes
    .map((code) => `\`${code}\``)
    .join(', ')}); \`details\` gives that limit, its spend and what remains.`,
  details: limitDetails,
});

/** A webhook URL the server will not deliver to (400): checked at creation and on every change of the URL. */
const webhookUrlRefusal: RouteRefusal = {
  status: 400,
  codes: ['webhook_url_refused'],
  description:
    '`webhook_url_refused`: the URL names or resolves to an address deliveries may not reach (loopback, private, ' +
    'link-local, shared, unspecified, multicast or a cloud metadata service; loopback is allowed in dev mode); ' +
    '`details.issues` names `url`.',
  details: validationDetails,
};

/** One route of the Credit API: its method and path, who may call it, and the schemas of what goes in and out. */
export interface RouteContract {
  /** The HTTP method. */
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path with `{name}` placeholders for ids. */
  path: string;
  /** The OpenAPI `operationId`, unique across routes, e.g. `createCharge`. */
  operationId: string;
  /** One line on what the route does, with the rules it implements. */
  summary: string;
  /** Who may call the route (R20). */
  access: RouteAccess;
  /** The schema of the query parameters, if the route takes any. */
  query?: z.ZodMiniType;
  /** The schema of the JSON request body, if the route takes one. */
  body?: z.ZodMiniType;
  /** A JSON schema, or the media type of a body that is not JSON. */
  response: z.ZodMiniType | 'text/csv' | 'text/event-stream' | 'none';
  /** For a `text/event-stream` response: the schema of each event's `data:` line. */
  events?: z.ZodMiniType;
  /** The status of a successful answer: 201 when something was created. */
  successStatus: 200 | 201 | 204;
  /** The problems this route answers beyond those any route may. */
  refusals?: readonly RouteRefusal[];
  /**
   * True when the route honours an `Idempotency-Key` (R19): a repeat gets the first answer, marked
   * `Idempotent-Replayed`; the same key with another request is a 409. Routes without it ignore the header.
   */
  idempotent?: true;
  /** What the request names that may not exist, which is then a 404, e.g. "the charge". Omitted: never a 404. */
  notFound?: string;
  /** Only with the server's dev mode on. */
  devOnly?: true;
}

/**
 * Why a server is not ready (503): a balancer sends its requests to another instance meanwhile. Each code is a
 * state the server leaves by itself, or a deployment's operator must look at.
 */
const notReady: RouteRefusal = {
  status: 503,
  codes: ['draining', 'database_unavailable', 'migrations_missing'],
  description:
    'The server must not be sent requests now: `draining`, it is stopping (SIGTERM) and finishes what it has; ' +
    '`database_unavailable`, its database did not answer within 2 s; `migrations_missing`, the database lacks a ' +
    'migration this server needs (restore or migrate it).',
};

/** Every route of the Credit API v1: the single source of the OpenAPI document and of the server's validation. */
export const routes: readonly RouteContract[] = [
  {
    method: 'POST',
    path: '/v1/sessions',
    operationId: 'createSession',
    summary: 'Mint a short-lived browser session token',
    access: 'secret_key',
    body: sessionCreateParams,
    response: session,
    successStatus: 201,
  },
  {
    method: 'GET',
    path: '/v1/balance',
    operationId: 'getBalance',
    summary: 'Spendable and pending credits, allowance, rollover cap and renewal state (R1, R7)',
    access: 'member',
    response: balance,
    successStatus: 200,
  },
  {
    method: 'GET',
    path: '/v1/grants',
    operationId: 'listGrants',
    summary: 'Credit grants in burn order: soonest to expire first, then higher priority, then oldest (R2)',
    access: 'member',
    query: grantListParams,
    response: grantPage,
    successStatus: 200,
  },
  {
    method: 'POST',
    path: '/v1/grants',
    operationId: 'createGrant',
    summary: 'Grant credits (promotional, compensation, goodwill) with an optional expiry and a priority (R28)',
    access: 'secret_key',
    body: grantCreateParams,
    response: grant,
    successStatus: 201,
    refusals: [
      {
        status: 422,
        codes: ['grant_too_large'],
        description:
          '`grant_too_large`: the grant would take what the workspace holds past 1,000,000,000 credits; ' +
          '`details.grantable` is the most that can be granted now. Nothing was granted.',
        details: grantTooLargeDetails,
      },
    ],
    idempotent: true,
  },
  {
    method: 'GET',
    path: '/v1/ledger',
    operationId: 'listLedgerEntries',
    summary: 'Ledger entries, newest first',
    access: 'member',
    query: ledgerListParams,
    response: ledgerPage,
    successStatus: 200,
  },
  {
    method: 'GET',
    path: '/v1/plan',
    operationId: 'getPlan',
    summary: 'The current plan and a scheduled change (R6)',
    access: 'member',
    response: currentPlan,
    successStatus: 200,
  },
  {
    method: 'POST',
    path: '/v1/plan/change',
    operationId: 'changePlan',
    summary: 'Change plan at the end of the current period; `free` cancels (R6)',
    access: 'admin',
    body: planChangeParams,
    response: currentPlan,
    successStatus: 200,
    idempotent: true,
    notFound: 'the plan',
    refusals: [
      {
        status: 400,
        codes: ['plan_not_available'],
        description:
          '`plan_not_available`: the plan exists but cannot be moved to (the trial is where a workspace starts); ' +
          '`details.issues` names `planId`.',
        details: validationDetails,
      },
    ],
  },
  {
    method: 'GET',
    path: '/v1/plans',
    operationId: 'listPlans',
    summary: 'The plan catalogue',
    access: 'member',
    response: planPage,
    successStatus: 200,
  },
  {
    method: 'POST',
    path: '/v1/purchases',
    operationId: 'createPurchase',
    summary: 'Buy one-time credits that never expire (R17)',
    access: 'admin',
    body: purchaseCreateParams,
    response: purchase,
    successStatus: 201,
    refusals: [
      {
        status: 422,
        codes: ['purchase_too_large'],
        description:
          '`purchase_too_large`: the purchase would take what the workspace holds past 1,000,000,000 credits; ' +
          '`details.purchasable` is the most it can buy now. Nothing was bought.',
        details: purchaseTooLargeDetails,
      },
    ],
    idempotent: true,
  },
  {
    method: 'GET',
    path: '/v1/actions',
    operationId: 'listActions',
    summary: 'Action costs, all or by ids, with the own-key effect (R8, R10)',
    access: 'member',
    query: actionListParams,
    response: actionPage,
    successStatus: 200,
  },
  {
    method: 'GET',
    path: '/v1/actions/{actionId}',
    operationId: 'getAction',
    summary: 'One action cost (R8, R10)',
    access: 'member',
    response: action,
    successStatus: 200,
    notFound: 'the action',
  },
  {
    method: 'GET',
    path: '/v1/ai/models',
    operationId: 'listAiModels',
    summary: 'AI model rates per 1,000 tokens (R9)',
    access: 'member',
    response: aiModelPage,
    successStatus: 200,
  },
  {
    method: 'POST',
    path: '/v1/ai/estimates',
    operationId: 'createAiEstimate',
    summary: 'Estimate an AI run per row and in total, from tokens or prompt text (R9)',
    access: 'member',
    body: aiEstimateCreateParams,
    response: aiEstimate,
    successStatus: 200,
    notFound: 'the model',
    refusals: [
      {
        status: 422,
        codes: ['estimate_too_large'],
        description:
          "`estimate_too_large`: the run's total would pass 1,000,000,000 credits, more than any budget; " +
          '`details.maxRows` is the most rows a run at this cost per row may have.',
        details: estimateTooLargeDetails,
      },
    ],
  },
  {
    method: 'POST',
    path: '/v1/ai/runs',
    operationId: 'createAiRun',
    summary: 'Open a run that reserves its budget (R9)',
    access: 'member',
    body: aiRunCreateParams,
    response: aiRun,
    successStatus: 201,
    idempotent: true,
    notFound: 'the model',
    refusals: [
      {
        status: 400,
        codes: ['run_exists'],
        description:
          '`run_exists`: the workspace already has a run with this `runId` (a retry with the same ' +
          '`Idempotency-Key` gets the first answer instead); `details.issues` names `runId`.',
        details: validationDetails,
      },
      creditRefusal(['insufficient_credits']),
    ],
  },
  {
    method: 'GET',
    path: '/v1/ai/runs/{runId}',
    operationId: 'getAiRun',
    summary: 'A run with its budget, spend and remainder (R9)',
    access: 'member',
    response: aiRun,
    successStatus: 200,
    notFound: 'the run',
  },
  {
    method: 'POST',
    path: '/v1/ai/runs/{runId}/complete',
    operationId: 'completeAiRun',
    summary: 'Complete a run and release what is left of its budget (R9, R16)',
    access: 'member',
    response: aiRun,
    successStatus: 200,
    idempotent: true,
    notFound: 'the run',
  },
  {
    method: 'POST',
    path: '/v1/ai/runs/{runId}/stop',
    operationId: 'stopAiRun',
    summary: 'Stop a run midway: what it charged stays charged, the rest of its budget is released (R9, R16)',
    access: 'member',
    response: aiRun,
    successStatus: 200,
    idempotent: true,
    notFound: 'the run',
  },
  {
    method: 'POST',
    path: '/v1/charges',
    operationId: 'createCharge',
    summary: 'Charge an action on a record field (R2, R9–R14, R19)',
    access: 'member',
    body: chargeCreateParams,
    response: charge,
    successStatus: 201,
    notFound: 'the action, or the run named by `runId`',
    refusals: [
      creditRefusal([
        'insufficient_credits',
        'workbook_limit_reached',
        'enrichment_limit_reached',
        'run_budget_exhausted',
        'run_completed',
      ]),
    ],
    idempotent: true,
  },
  {
    method: 'POST',
    path: '/v1/quotes',
    operationId: 'createQuote',
    summary: 'What a run would cost and where it would stop, writing nothing (R23)',
    access: 'member',
    body: quoteCreateParams,
    response: quote,
    successStatus: 200,
    notFound: 'the action, or the run named by `runId`',
  },
  {
    method: 'GET',
    path: '/v1/charges/{chargeId}',
    operationId: 'getCharge',
    summary: 'One charge with its ledger entries',
    access: 'member',
    response: charge,
    successStatus: 200,
    notFound: 'the charge',
  },
  {
    method: 'POST',
    path: '/v1/charges/{chargeId}/refund',
    operationId: 'refundCharge',
    summary: "Refund a charge whose provider delivered nothing (R15): the host server's call, so admins only",
    access: 'admin',
    body: chargeRefundParams,
    response: charge,
    successStatus: 200,
    idempotent: true,
    notFound: 'the charge',
  },
  {
    method: 'GET',
    path: '/v1/workbooks/{workbookId}/spend-limit',
    operationId: 'getWorkbookSpendLimit',
    summary: "A workbook's spend limit and spend (R11)",
    access: 'member',
    response: spendLimit,
    successStatus: 200,
  },
  {
    method: 'PUT',
    path: '/v1/workbooks/{workbookId}/spend-limit',
    operationId: 'updateWorkbookSpendLimit',
    summary: "Set a workbook's spend limit (R11, R20)",
    access: 'admin',
    body: spendLimitUpdateParams,
    response: spendLimit,
    successStatus: 200,
    idempotent: true,
  },
  {
    method: 'GET',
    path: '/v1/enrichments/{enrichmentId}/spend-limit',
    operationId: 'getEnrichmentSpendLimit',
    summary: "An enrichment's spend limit and spend (R12)",
    access: 'member',
    response: spendLimit,
    successStatus: 200,
  },
  {
    method: 'PUT',
    path: '/v1/enrichments/{enrichmentId}/spend-limit',
    operationId: 'updateEnrichmentSpendLimit',
    summary: "Set an enrichment's spend limit (R12, R20)",
    access: 'admin',
    body: spendLimitUpdateParams,
    response: spendLimit,
    successStatus: 200,
    idempotent: true,
  },
  {
    method: 'GET',
    path: '/v1/alerts',
    operationId: 'listAlerts',
    summary: "The workspace's threshold alerts on the balance, spend limits and run budgets, oldest first (R25)",
    access: 'member',
    response: alertPage,
    successStatus: 200,
  },
  {
    method: 'POST',
    path: '/v1/alerts',
    operationId: 'createAlert',
    summary: 'Create a threshold alert, armed and checked at once against the current value (R25, R20)',
    access: 'admin',
    body: alertParams,
    response: alert,
    successStatus: 201,
    idempotent: true,
    refusals: [
      {
        status: 422,
        codes: ['too_many_alerts'],
        description:
          '`too_many_alerts`: the workspace already has the most alerts it may have (50); `details.maximum` says ' +
          'how many. Nothing was created.',
        details: tooManyAlertsDetails,
      },
    ],
  },
  {
    method: 'PUT',
    path: '/v1/alerts/{alertId}',
    operationId: 'updateAlert',
    summary: "Set an alert's scope, unit and threshold; it is armed again and checked at once (R25, R20)",
    access: 'admin',
    body: alertParams,
    response: alert,
    successStatus: 200,
    idempotent: true,
    notFound: 'the alert',
  },
  {
    method: 'DELETE',
    path: '/v1/alerts/{alertId}',
    operationId: 'deleteAlert',
    summary: 'Delete an alert; the answer is the alert as it was (R25, R20)',
    access: 'admin',
    response: alert,
    successStatus: 200,
    idempotent: true,
    notFound: 'the alert',
  },
  {
    method: 'GET',
    path: '/v1/auto-top-up',
    operationId: 'getAutoTopUp',
    summary: "The workspace's auto top-up: threshold, amount, monthly cap, state and this month's top-ups (R27)",
    access: 'member',
    response: autoTopUp,
    successStatus: 200,
  },
  {
    method: 'PUT',
    path: '/v1/auto-top-up',
    operationId: 'updateAutoTopUp',
    summary:
      'Set the auto top-up; it is armed again and a balance already below the threshold is topped up at once (R27, R20)',
    access: 'admin',
    body: autoTopUpUpdateParams,
    response: autoTopUp,
    successStatus: 200,
    idempotent: true,
  },
  {
    method: 'GET',
    path: '/v1/integrations',
    operationId: 'listIntegrations',
    summary: 'Provider integrations and whether the workspace has its own key (R10)',
    access: 'member',
    response: integrationPage,
    successStatus: 200,
  },
  {
    method: 'PUT',
    path: '/v1/integrations/{provider}/key',
    operationId: 'setIntegrationKey',
    summary: 'Set the own API key of a provider; its actions then cost 0 (R10, R20)',
    access: 'admin',
    body: integrationKeySetParams,
    response: integration,
    successStatus: 200,
    idempotent: true,
    notFound: 'the provider',
  },
  {
    method: 'DELETE',
    path: '/v1/integrations/{provider}/key',
    operationId: 'deleteIntegrationKey',
    summary: 'Remove the own API key of a provider (R10, R20)',
    access: 'admin',
    response: integration,
    successStatus: 200,
    idempotent: true,
    notFound: 'the provider',
  },
  {
    method: 'GET',
    path: '/v1/usage',
    operationId: 'getUsage',
    summary: 'Usage by day, workbook, action, provider, model or trigger (R18, R24)',
    access: 'member',
    query: usageParams,
    response: usageReport,
    successStatus: 200,
  },
  {
    method: 'GET',
    path: '/v1/usage/activity',
    operationId: 'listUsageActivity',
    summary: 'Why credits were charged: charges by day, workbook, action, trigger and run, with refunds (R24)',
    access: 'member',
    query: usageActivityParams,
    response: usageActivityPage,
    successStatus: 200,
  },
  {
    method: 'GET',
    path: '/v1/usage/export',
    operationId: 'exportUsage',
    summary: 'Usage as CSV, a line per group and trigger, the totals on request (R18, R24)',
    access: 'member',
    query: usageExportParams,
    response: 'text/csv',
    successStatus: 200,
  },
  {
    method: 'GET',
    path: '/v1/events',
    operationId: 'streamEvents',
    summary: "Server-sent events of the caller's workspace, resumable by event id",
    access: 'member',
    query: eventStreamParams,
    response: 'text/event-stream',
    events: creditEvent,
    successStatus: 200,
  },
  {
    method: 'POST',
    path: '/v1/webhook-endpoints',
    operationId: 'createWebhookEndpoint',
    summary: 'Register a URL that receives the workspace events, signed; its secret is shown once (R26)',
    access: 'admin',
    body: webhookEndpointCreateParams,
    response: webhookEndpointWithSecret,
    successStatus: 201,
    idempotent: true,
    refusals: [
      webhookUrlRefusal,
      {
        status: 422,
        codes: ['webhook_endpoint_limit_reached'],
        description:
          '`webhook_endpoint_limit_reached`: the workspace already has the most endpoints it may have ' +
          '(`details.maximum`, 16); delete one first. Nothing was created.',
        details: webhookEndpointLimitDetails,
      },
    ],
  },
  {
    method: 'GET',
    path: '/v1/webhook-endpoints',
    operationId: 'listWebhookEndpoints',
    summary: "The workspace's webhook endpoints, oldest first, without their secrets (R26)",
    access: 'admin',
    response: webhookEndpointPage,
    successStatus: 200,
  },
  {
    method: 'GET',
    path: '/v1/webhook-endpoints/{endpointId}',
    operationId: 'getWebhookEndpoint',
    summary: 'One webhook endpoint, without its secret (R26)',
    access: 'admin',
    response: webhookEndpoint,
    successStatus: 200,
    notFound: 'the webhook endpoint',
  },
  {
    method: 'POST',
    path: '/v1/webhook-endpoints/{endpointId}',
    operationId: 'updateWebhookEndpoint',
    summary: "Change a webhook endpoint's URL, event types or enabled state: the fields given (R26)",
    access: 'admin',
    body: webhookEndpointUpdateParams,
    response: webhookEndpoint,
    successStatus: 200,
    idempotent: true,
    notFound: 'the webhook endpoint',
    refusals: [webhookUrlRefusal],
  },
  {
    method: 'DELETE',
    path: '/v1/webhook-endpoints/{endpointId}',
    operationId: 'deleteWebhookEndpoint',
    summary: 'Delete a webhook endpoint and its deliveries; answers the endpoint as it was (R26)',
    access: 'admin',
    response: webhookEndpoint,
    successStatus: 200,
    idempotent: true,
    notFound: 'the webhook endpoint',
  },
  {
    method: 'POST',
    path: '/v1/webhook-endpoints/{endpointId}/rotate-secret',
    operationId: 'rotateWebhookEndpointSecret',
    summary: 'A new signing secret, shown once; the previous one still signs for 24 hours (R26)',
    access: 'admin',
    response: webhookEndpointWithSecret,
    successStatus: 200,
    idempotent: true,
    notFound: 'the webhook endpoint',
  },
  {
    method: 'GET',
    path: '/v1/webhook-endpoints/{endpointId}/deliveries',
    operationId: 'listWebhookDeliveries',
    summary: "An endpoint's deliveries, newest first: state, attempts, last answer, next attempt (R26)",
    access: 'admin',
    query: webhookDeliveryListParams,
    response: webhookDeliveryPage,
    successStatus: 200,
    notFound: 'the webhook endpoint',
  },
  {
    method: 'GET',
    path: '/v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}',
    operationId: 'getWebhookDelivery',
    summary: 'One delivery with the log of its attempts (R26)',
    access: 'admin',
    response: webhookDeliveryWithAttempts,
    successStatus: 200,
    notFound: 'the webhook endpoint or delivery',
  },
  {
    method: 'POST',
    path: '/v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/redeliver',
    operationId: 'redeliverWebhook',
    summary: 'Send a delivery again now, with the same webhook-id and a new retry window (R26)',
    access: 'admin',
    response: webhookDelivery,
    successStatus: 200,
    idempotent: true,
    notFound: 'the webhook endpoint or delivery',
  },
  {
    method: 'GET',
    path: '/healthz',
    operationId: 'getLiveness',
    summary: 'Liveness for a balancer or orchestrator: the process answers (the database is not asked)',
    access: 'anyone',
    response: liveness,
    successStatus: 200,
  },
  {
    method: 'GET',
    path: '/readyz',
    operationId: 'getReadiness',
    summary:
      'Readiness for a balancer: the database answers within 2 s and holds every migration, and the server is not draining',
    access: 'anyone',
    response: readiness,
    successStatus: 200,
    refusals: [notReady],
  },
  {
    method: 'POST',
    path: '/v1/dev/workspaces',
    operationId: 'createDevWorkspace',
    summary: 'Dev mode: a fresh workspace on a plan, with its secret key',
    access: 'anyone',
    body: devWorkspaceCreateParams,
    response: devWorkspace,
    successStatus: 201,
    devOnly: true,
    notFound: 'the plan',
  },
  {
    method: 'POST',
    path: '/v1/dev/workspaces/{workspaceId}/renew',
    operationId: 'renewDevWorkspace',
    summary: "Dev mode: run a workspace's period-end renewal now",
    access: 'secret_key',
    response: balance,
    successStatus: 200,
    devOnly: true,
    notFound: "the workspace (only the caller's own may be renewed)",
  },
  {
    method: 'POST',
    path: '/v1/dev/workspaces/{workspaceId}/expire-grants',
    operationId: 'expireDevWorkspaceGrants',
    summary:
      "Dev mode: write off the workspace's granted credits whose expiry has come now, as the minute job does (R28)",
    access: 'secret_key',
    response: balance,
    successStatus: 200,
    devOnly: true,
    notFound: "the workspace (only the caller's own)",
  },
];
