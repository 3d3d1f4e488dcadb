import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createSecretBox } from './crypto/secret-box';
import { createApp } from './http/app';
import type { RateLimits, ServerOptions } from './http/env';
import { PortUnavailableError } from './http/port-unavailable-error';
import { resolveRateLimits } from './http/rate-limit';
import { checkSessionSecret } from './http/session-secret';
import { generatedSessionSecret } from './http/session-secret-file';
import type { Database } from './store/database';
import { expireDueGrants } from './store/grant-expiry';
import { migrate } from './store/migrate';
import { openPglite } from './store/pglite';
import { openPostgres } from './store/postgres';
import { renewDueWorkspaces } from './store/renewals';
import type { TokenCounter } from './tokens/token-counter';
import { startTokenCountingPool } from './tokens/token-counting-pool';
import {
  defaultDispatcherSettings,
  startWebhookDispatcher,
  type WebhookDispatcher,
  type WebhookDispatcherSettings,
} from './webhooks/dispatcher';
import { httpDeliverySender, systemResolver } from './webhooks/http-delivery';
import type { HostResolver } from './webhooks/url-guard';

export { PortUnavailableError } from './http/port-unavailable-error';
export type { TokenCounter } from './tokens/token-counter';
export { TokenCounterBusyError } from './tokens/token-counter-busy-error';

export interface StartOptions {
  port?: number;
  host?: string;
  /** A PGlite data folder; in memory when neither this nor `databaseUrl` is given. */
  dataDir?: string;
  /** A PostgreSQL connection string. */
  databaseUrl?: string;
  dev?: boolean;
  renewalDelayMs?: number;
  corsOrigin?: string;
  sessionSecret?: string;
  /** Request limits by kind (null for none); a kind not given is the default, or none in dev mode. Null: no limits. */
  rateLimits?: Partial<RateLimits> | null;
  now?: () => Date;
  eventStream?: ServerOptions['eventStream'];
  /** Counts prompt tokens for AI estimates; by default a pool of worker threads sized for the machine. `close()` closes it. */
  tokenCounter?: TokenCounter;
  /** Webhook delivery (R26): how hosts are resolved (at registration and each delivery), pacing and jitter. */
  webhooks?: Partial<WebhookDispatcherSettings> & { resolveHost?: HostResolver };
}

export interface RunningServer {
  url: string;
  db: Database;
  /** Stops taking connections, lets in-flight requests finish, then stops the token counter and closes the database. */
  close(): Promise<void>;
}

export async function openDatabase(options: Pick<StartOptions, 'dataDir' | 'databaseUrl'>): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

/** Opens the database, applies migrations, and serves the Credit API. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const givenSecret = options.sessionSecret ?? process.env.CREDITKIT_SESSION_SECRET;
  // Before the database: a server that would sign forgeable tokens must not start at all.
  if (givenSecret !== undefined) checkSessionSecret(givenSecret);
  const db = await openDatabase(options);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const { resolveHost = systemResolver, ...dispatcherSettings } = options.webhooks ?? {};
  const sessionSecret = givenSecret ?? generatedSessionSecret(options.dataDir);
  const now = options.now ?? (() => new Date());
  // Started once the server listens; a route that queues work now wakes it (if it runs yet).
  let dispatcher: WebhookDispatcher | undefined;
  const serverOptions: ServerOptions = {
    db,
    dev: options.dev ?? false,
    renewalDelayMs: options.renewalDelayMs ?? 0,
    sessionSecret,
    corsOrigin: options.corsOrigin,
    rateLimits: resolveRateLimits(options.dev ?? false, options.rateLimits),
    now,
    eventStream: options.eventStream,
    tokenCounter: options.tokenCounter ?? startTokenCountingPool(),
    webhooks: { resolveHost, wake: () => dispatcher?.wake() },
  };
  const app = createApp(serverOptions);
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 4010;
  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise((resolve, reject) => {
      const started = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(started));
      // Without a listener a taken port is an unhandled 'error' event: a crash, with the data folder still held.
      started.once('error', (error: NodeJS.ErrnoException) =>
        reject(new PortUnavailableError(host, port, error.code ?? error.message)),
      );
    });
  } catch (error) {
    await serverOptions.tokenCounter.close();
    await db.close();
    throw error;
  }
  dispatcher = startWebhookDispatcher({
    ...defaultDispatcherSettings,
    ...dispatcherSettings,
    db,
    now,
    secretBox: createSecretBox(sessionSecret),
    send: httpDeliverySender({ allowLoopback: serverOptions.dev, resolveHost }),
  });
  const runningDispatcher = dispatcher;
  // Period ends and granted credits' expiries (R28) are checked every minute; a renewal is idempotent per period
  // and an expiry writes each remainder off once, so overlap (with itself or another instance) is harmless.
  const renewals = setInterval(() => {
    renewDueWorkspaces(db, serverOptions.now, serverOptions.renewalDelayMs).catch((error: unknown) =>
      console.error('renewal job failed', error),
    );
    expireDueGrants(db, serverOptions.now).catch((error: unknown) => console.error('grant expiry job failed', error));
  }, 60_000);
  renewals.unref();
  const listening = server.address() as AddressInfo;
  const urlHost = listening.address.includes(':') ? `[${listening.address}]` : listening.address;
  return {
    url: `http://${urlHost}:${listening.port}`,
    db,
    async close() {
      clearInterval(renewals);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Event streams never end by themselves: give in-flight requests a moment, then cut what is left.
      const grace = setTimeout(
        () => (server as unknown as { closeAllConnections(): void }).closeAllConnections(),
        2_000,
      );
      await closed;
      clearTimeout(grace);
      await runningDispatcher.stop();
      await serverOptions.tokenCounter.close();
      await db.close();
    },
  };
}
