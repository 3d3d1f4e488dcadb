import { createApp } from './http/app';
import type { RateLimits, ServerOptions } from './http/env';
import { resolveRateLimits } from './http/rate-limit';
import { checkSessionSecret, randomSessionSecret } from './http/session-secret';
import type { Database } from './store/database';
import { migrate } from './store/migrate';
import { pgliteDatabase } from './store/pglite-database';
import { startInPageTokenCounter } from './tokens/in-page-token-counter';
import type { TokenCounter } from './tokens/token-counter';

export type { Database, Queryable } from './store/database';
export { pgliteDatabase } from './store/pglite-database';
export type { TokenCounter } from './tokens/token-counter';

export interface BrowserCreditApiOptions {
  /**
   * Where PGlite keeps the data: in memory when not given (gone with the page); `idb://<name>` keeps it in the
   * page's IndexedDB. Ignored when `db` is given.
   */
  dataDir?: string;
  /** A database of your own (say, a PGlite loaded from a snapshot, wrapped by `pgliteDatabase`); yours to close. */
  db?: Database;
  /** The API's clock: move it to let a period end and renew (dev route `POST /v1/dev/workspaces/{id}/renew`). */
  now?: () => Date;
  /** R7: how long a renewal's credits take to become spendable; none by default. */
  renewalDelayMs?: number;
  /** Signs session tokens (at least 32 bytes); a random one by default, so tokens die with the page. */
  sessionSecret?: string;
  /** Request limits by kind; none by default, as in dev mode. */
  rateLimits?: Partial<RateLimits> | null;
  /** Counts prompt tokens for AI estimates; by default in the page, in slices between turns of the event loop. */
  tokenCounter?: TokenCounter;
  eventStream?: ServerOptions['eventStream'];
}

export interface BrowserCreditApi {
  /**
   * The base URL to give an SDK client with this `fetch`. Requests never leave the page; the `.invalid` name
   * never resolves, so a request sent without this `fetch` fails instead of reaching somebody's server.
   */
  baseUrl: string;
  /** The Credit API as a `fetch`: `createCreditClient({ baseUrl, apiKey, fetch })`. */
  fetch: typeof fetch;
  db: Database;
  /** Stops counting tokens and closes the database it opened. */
  close(): Promise<void>;
}

/** PGlite, loaded when first needed: its WebAssembly and data files (several MB) are fetched then. */
async function openInPagePglite(dataDir: string | undefined): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(dataDir);
  await db.waitReady;
  return pgliteDatabase(db);
}

/**
 * The reference Credit API in a web page, with no server process: the same hono app as `startServer`, in dev
 * mode (dev routes, no rate limits), on PGlite in the page, answering through a `fetch` function.
 */
export async function createBrowserCreditApi(options: BrowserCreditApiOptions = {}): Promise<BrowserCreditApi> {
  // Browsers give Web Crypto's digests, signatures and UUIDs to secure contexts only.
  if (typeof crypto?.subtle?.digest !== 'function') {
    throw new Error('The in-page Credit API needs Web Crypto: serve the page over https or from localhost.');
  }
  const sessionSecret =
    options.sessionSecret === undefined ? randomSessionSecret() : checkSessionSecret(options.sessionSecret);
  const db = options.db ?? (await openInPagePglite(options.dataDir));
  const closeDb = options.db ? async () => undefined : () => db.close();
  try {
    await migrate(db);
  } catch (error) {
    await closeDb();
    throw error;
  }
  const tokenCounter = options.tokenCounter ?? startInPageTokenCounter();
  const app = createApp({
    db,
    dev: true,
    renewalDelayMs: options.renewalDelayMs ?? 0,
    sessionSecret,
    corsOrigin: undefined,
    rateLimits: resolveRateLimits(true, options.rateLimits),
    now: options.now ?? (() => new Date()),
    eventStream: options.eventStream,
    tokenCounter,
  });
  return {
    baseUrl: 'https://credit-api.invalid',
    fetch: async (input, init) => app.fetch(new Request(input, init)),
    db,
    async close() {
      await tokenCounter.close();
      await closeDb();
    },
  };
}
