import { type CreditClient, createCreditClient } from '@creditkit/sdk';
import { callApi, createDevWorkspace, mintSessionToken, startInPageApi } from '../storybook/in-page-api';

/** The workbook the playground charges, with a small limit to run into (R11). */
export const playgroundWorkbook = 'wb-playground';
export const startingWorkbookLimit = 25;

/** The playground's workspace on the Credit API in this page, and the controls a host's server would have. */
export interface PlaygroundSession {
  client: CreditClient;
  /** Moves the API's clock to the end of the current period and runs the renewal there (R3–R7). */
  renew(): Promise<void>;
}

/**
 * Starts the reference Credit API in the page (PGlite in memory: nothing leaves the page, nothing is kept),
 * creates a Starter workspace with the dev route and a 25-credit limit on the playground's workbook, and gives
 * an admin SDK client on session tokens minted with the workspace's key, as a host's server would mint them.
 */
export async function openPlaygroundSession(): Promise<PlaygroundSession> {
  let now = Date.now();
  const api = await startInPageApi(() => new Date(now), 0);
  const { workspaceId, secretKey } = await createDevWorkspace(api, 'starter-monthly');
  await callApi(api, 'PUT', `/v1/workbooks/${playgroundWorkbook}/spend-limit`, {
    secretKey,
    body: { enabled: true, limit: startingWorkbookLimit },
  });
  const client = createCreditClient({
    baseUrl: api.baseUrl,
    fetch: api.fetch,
    token: () => mintSessionToken(api, secretKey, 'admin'),
  });
  return {
    client,
    async renew() {
      const { periodEnd } = await client.balance.retrieve();
      now = Math.max(now, Date.parse(periodEnd));
      await callApi(api, 'POST', `/v1/dev/workspaces/${workspaceId}/renew`, { secretKey });
    },
  };
}
