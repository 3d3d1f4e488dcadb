import type { Database } from '../store/database';
import type { TokenCounter } from '../tokens/token-counter';
import type { HostResolver } from '../webhooks/url-guard';
import type { BucketSize } from './token-buckets';

export interface Caller {
  workspaceId: string;
  /** A secret key acts as an admin; a session token carries its user's role (R20). */
  role: 'admin' | 'member';
  credential: 'secret_key' | 'session';
  userId: string | null;
  /** When a session token stops being accepted (an event stream on it ends then); null for a secret key. */
  expiresAt: Date | null;
}

export interface ServerOptions {
  db: Database;
  /** Dev routes and the permissive CORS of dev mode. */
  dev: boolean;
  /** R7: how long a renewal's credits take to become spendable. */
  renewalDelayMs: number;
  /** Signs session tokens; every server of one deployment needs the same secret. */
  sessionSecret: string;
  /** Browsers on this origin may call the API. */
  corsOrigin: string | undefined;
  /** The clock, so tests can move time. */
  now: () => Date;
  /** Per-credential request limits (429 with Retry-After past them); null turns them off. */
  rateLimits: RateLimits | null;
  /** Counts prompt tokens for AI estimates, off the event loop. */
  tokenCounter: TokenCounter;
  /** Tuning of the event streams (how many per workspace, poll and keep-alive intervals). */
  eventStream?: Partial<EventStreamSettings> | undefined;
  /** Webhook endpoints (R26): how their URLs are resolved when registered, and the dispatcher to wake. */
  webhooks?: WebhookRouteSettings | undefined;
  /** The server stopping behind a balancer; none in a web page, whose API never stops while the page lives. */
  lifecycle?: ServerLifecycle | undefined;
}

/**
 * A server's way out of a deployment of several instances (SIGTERM): first it tells the balancer, then it stops
 * taking connections and ends what never ends by itself.
 */
export interface ServerLifecycle {
  /** Aborted when the server is asked to stop: readiness answers 503 `draining` from then on. */
  draining: AbortSignal;
  /** Aborted when the server stops taking connections: open event streams end, and their clients reconnect elsewhere. */
  closing: AbortSignal;
}

export interface WebhookRouteSettings {
  /** Resolves an endpoint's host when it is registered, to refuse one that points inside; none in a web page. */
  resolveHost?: HostResolver | undefined;
  /** Wakes the dispatcher after a commit that gives it work now (a redelivery, an endpoint enabled). */
  wake?: (() => void) | undefined;
}

/** What a request carries through the middleware to its route. */
export interface AppEnv {
  Variables: {
    requestId: string;
    caller: Caller;
  };
}

export interface EventStreamSettings {
  /** Open streams one workspace may hold; one more is a 429, so a client cannot exhaust the server. */
  maxStreamsPerWorkspace: number;
  /** How often a stream looks for new events: PGlite and PostgreSQL both answer a poll, not every one can push. */
  pollIntervalMs: number;
  /** How long a stream may stay silent before a comment tells proxies and clients it is alive. */
  keepAliveMs: number;
}

/**
 * Request limits, each a token bucket; null is none. Every request of a workspace draws from the
 * workspace's bucket and from its credential's: the secret key's, or the user's for session tokens (all of
 * a user's tokens share one). So a secret key that mints tokens for hundreds of users still cannot take
 * more than its workspace's share of the server.
 */
export interface RateLimits {
  workspace: BucketSize | null;
  secretKey: BucketSize | null;
  session: BucketSize | null;
}
