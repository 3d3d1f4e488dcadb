import { CreditError } from './core/errors/credit-error';
import { type Credentials, secretKeyCredentials, sessionTokenCredentials } from './internal/credentials';
import { createTransport } from './internal/http';
import { defaultRetryPolicy } from './internal/retry';
import { ActionsResource } from './resources/actions';
import { AiResource } from './resources/ai';
import { BalanceResource } from './resources/balance';
import { ChargesResource } from './resources/charges';
import { EventsResource } from './resources/events';
import { GrantsResource } from './resources/grants';
import { IntegrationsResource } from './resources/integrations';
import { LedgerResource } from './resources/ledger';
import { PlanResource } from './resources/plan';
import { PlansResource } from './resources/plans';
import { PurchasesResource } from './resources/purchases';
import { SessionsResource } from './resources/sessions';
import { SpendLimitsResource } from './resources/spend-limits';
import { UsageResource } from './resources/usage';

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

export interface SecretKeyClientOptions extends CommonClientOptions {
  /** The workspace secret key (`sk_...`). Servers only: refused in a browser. */
  apiKey: string;
  token?: never;
}

export interface SessionTokenClientOptions extends CommonClientOptions {
  /**
   * Returns a short-lived session token minted by your server with `sessions.create()`. Called
   * once, then again once when the API answers 401 because the token expired.
   */
  token: () => string | Promise<string>;
  apiKey?: never;
}

export type CreditClientOptions = SecretKeyClientOptions | SessionTokenClientOptions;

export interface CreditClient {
  balance: BalanceResource;
  grants: GrantsResource;
  ledger: LedgerResource;
  plan: PlanResource;
  plans: PlansResource;
  purchases: PurchasesResource;
  actions: ActionsResource;
  ai: AiResource;
  charges: ChargesResource;
  spendLimits: SpendLimitsResource;
  integrations: IntegrationsResource;
  usage: UsageResource;
  sessions: SessionsResource;
  events: EventsResource;
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
    spendLimits: new SpendLimitsResource(transport),
    integrations: new IntegrationsResource(transport, () => actions.clearCache()),
    usage: new UsageResource(transport),
    sessions: new SessionsResource(transport),
    events: new EventsResource(transport),
  };
}
