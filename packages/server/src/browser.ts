import { createApp } from './http/app';
import { generatedSessionSecret } from './http/session-secret';
import type { Database } from './store/database';
import { migrate } from './store/migrate';
import { openPglite } from './store/pglite';
import { startTokenCountingPool } from './tokens/token-counting-pool';

export interface BrowserCreditApiOptions {
  now?: () => Date;
  renewalDelayMs?: number;
}

export interface BrowserCreditApi {
  baseUrl: string;
  fetch: typeof fetch;
  db: Database;
  close(): Promise<void>;
}

export async function createBrowserCreditApi(options: BrowserCreditApiOptions = {}): Promise<BrowserCreditApi> {
  const db = await openPglite(undefined);
  await migrate(db);
  const app = createApp({
    db,
    dev: true,
    renewalDelayMs: options.renewalDelayMs ?? 0,
    sessionSecret: generatedSessionSecret(undefined),
    corsOrigin: undefined,
    rateLimits: null,
    now: options.now ?? (() => new Date()),
    tokenCounter: startTokenCountingPool(),
  });
  return {
    baseUrl: 'https://credit-api.invalid',
    fetch: async (input, init) => app.fetch(new Request(input, init)),
    db,
    close: () => db.close(),
  };
}
