import { CreditError } from './core/errors/credit-error';
import { type Credentials, secretKeyCredentials, sessionTokenCredentials } from './internal/credentials';
import { createTransport } from './internal/http';
import { defaultRetryPolicy } from './internal/retry';
import { ActionsResource } from './resources/actions';
import { AiResource } from './resources/ai';
import { AlertsResource } from './resources/alerts';
import { AutoTopUpResource } from './resources/auto-top-up';
import { BalanceResource } from './resources/balance';
import { ChargesResource } from './resources/charges';
import { EventsResource } from './resources/events';
import { GrantsResource } from './resources/grants';
import { IntegrationsResource } from './resources/integrations';
import { LedgerResource } from './resources/ledger';
import { PlanResource } from './resources/plan';
import { PlansResource } from './resources/plans';
import { PurchasesResource } from './resources/purchases';
import { QuotesResource } from './resources/quotes';
import { SessionsResource } from './resources/sessions';
import { SpendLimitsResource } from './resources/spend-limits';
import { UsageResource } from './resources/usage';
import { WebhookEndpointsResource } from './resources/webhook-endpoints';

interface CommonClientOptions {
  /** Where the Credit API lives, e.g. `https://credits.example.com` or `http://127.0.0.1:4010`. */
  baseUrl: string;
  /** Overall deadline of one call in ms, retries included. Default 60 s. */
  timeout?: number;
  /** Deadline of one attempt in ms, so a hung connection still leaves time to retry. Default 15 s. */
  attemptTimeout?: number;
  /** Retries after the first attempt on network errors, 408, 409, 429 and 5xx. Default 2. */
  maxRetries?: number;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** A fetch of your own (tests, instrumentation, runtimes without a global fetch). */
  fetch?: typeof fetch;
}

/** Options of a server-side client, which authenticates with the workspace secret key. */
export interface SecretKeyClientOptions extends CommonClientOptions {
  /** The workspace secret key (`sk_...`). Servers only: refused in a browser. */
  apiKey: string;
  /** Not with `apiKey`: a client uses one credential. */
  token?: never;
}

/** Options of a browser client, which authenticates with short-lived session tokens from your server. */
export interface SessionTokenClientOptions extends CommonClientOptions {
  /**
   * Returns a short-lived session token minted by your server with `sessions.create()`. Called
   * once, then again once when the API answers 401 because the token expired.
   */
  token: () => string | Promise<string>;
  /** Not in a browser: the secret key stays on your server. */
  apiKey?: never;
}

/** What `createCreditClient` takes: the secret key on a server, or a session-token function in a browser. */
export type CreditClientOptions = SecretKeyClientOptions | SessionTokenClientOptions;

/** The Credit API, one resource per property: `client.<resource>.<verb>()`. */
export interface CreditClient {
  /** The workspace's spendable and pending credits and renewal state (R1, R3, R7). */
  balance: BalanceResource;
  /** Credit grants: plan allowance, rollover, purchases and granted credits, each with what is left (R1, R2, R28). */
  grants: GrantsResource;
  /** The append-only ledger every balance is computed from. */
  ledger: LedgerResource;
  /** The workspace's current plan and plan changes (R6). */
  plan: PlanResource;
  /** The plan catalogue. */
  plans: PlansResource;
  /** One-time credit purchases (R17). */
  purchases: PurchasesResource;
  /** What actions cost before they run (R8), with the own-key effect (R10). */
  actions: ActionsResource;
  /** AI models, estimates and run budgets (R9). */
  ai: AiResource;
  /** Charges of actions on records' fields, and their refunds (R2, R9–R16, R19). */
  charges: ChargesResource;
  /** What a run would cost and where it would stop, before it starts (R23). */
  quotes: QuotesResource;
  /** Credit spend limits per workbook (R11) and per enrichment (R12). */
  spendLimits: SpendLimitsResource;
  /** Provider integrations and the workspace's own API keys (R10). */
  integrations: IntegrationsResource;
  /** Threshold alerts on the balance, spend limits and run budgets (R25). */
  alerts: AlertsResource;
  /** The auto top-up: credits added when the balance falls below a threshold, within a monthly cap (R27). */
  autoTopUp: AutoTopUpResource;
  /** Credit usage reports and their CSV export (R18). */
  usage: UsageResource;
  /** Short-lived browser session tokens, minted with the secret key (R20). */
  sessions: SessionsResource;
  /** Live workspace events: balance, limits, renewals, refunds, alerts and top-ups. */
  events: EventsResource;
  /** URLs that receive the workspace's events, signed, with their delivery logs (R26); secret key or admin. */
  webhookEndpoints: WebhookEndpointsResource;
}

function credentialsFrom(options: CreditClientOptions): Credentials {
  if (typeof options.apiKey === 'string' && options.apiKey !== '') return secretKeyCredentials(options.apiKey);
  if (typeof options.token === 'function') return sessionTokenCredentials(options.token);
  throw new CreditError('createCreditClient needs `apiKey` (servers) or a `token` function (browsers).', {
    code: 'missing_credentials',
  });
}

/**
 * A client for the Credit API. On a server pass the secret key; in a browser pass `token`, a function
 * that fetches a session token from your server.
 */
export function createCreditClient(options: CreditClientOptions): CreditClient {
  const transport = createTransport({
    baseUrl: options.baseUrl,
    credentials: credentialsFrom(options),
    timeout: options.timeout ?? 60_000,
    attemptTimeout: options.attemptTimeout ?? 15_000,
    retry: { ...defaultRetryPolicy, maxRetries: options.maxRetries ?? defaultRetryPolicy.maxRetries },
    headers: options.headers ?? {},
    fetch: options.fetch,
  });
  const actions = new ActionsResource(transport);
  return {
    balance: new BalanceResource(transport),
    grants: new GrantsResource(transport),
    ledger: new LedgerResource(transport),
    plan: new PlanResource(transport),
    plans: new PlansResource(transport),
    purchases: new PurchasesResource(transport),
    actions,
    ai: new AiResource(transport),
    charges: new ChargesResource(transport),
    quotes: new QuotesResource(transport),
    spendLimits: new SpendLimitsResource(transport),
    integrations: new IntegrationsResource(transport, () => actions.clearCache()),
    alerts: new AlertsResource(transport),
    autoTopUp: new AutoTopUpResource(transport),
    usage: new UsageResource(transport),
    sessions: new SessionsResource(transport),
    events: new EventsResource(transport),
    webhookEndpoints: new WebhookEndpointsResource(transport),
  };
}
