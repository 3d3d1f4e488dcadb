import { type RunningServer, startServer } from '@creditkit/server';
import { afterAll, beforeAll } from 'vitest';
import { createTestWorkspace } from './test-workspace';

/**
 * For the describe block it is called in: a second reference server whose renewals take 90 minutes to credit
 * (as `--renewal-delay 90m` makes it), and a way to get a workspace there whose renewal is processing (R7).
 * The shared test server credits renewals at once.
 */
export function withProcessingRenewals() {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startServer({ port: 0, dev: true, renewalDelayMs: 90 * 60_000 });
  }, 30_000);
  afterAll(() => server?.close());

  /** A starter-monthly workspace that spent 10 credits, then renewed: its new allowance is pending. */
  return async function renewedWorkspace() {
    if (!server) throw new Error('the renewal-delay server is not started yet');
    const workspace = await createTestWorkspace('starter-monthly', { baseUrl: server.url });
    await workspace.charge({ actionId: 'find-mobile-phone' });
    const renewed = await workspace.renew();
    return { workspace, renewed };
  };
}
