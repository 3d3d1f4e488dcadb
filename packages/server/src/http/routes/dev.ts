import { devWorkspaceCreateParams } from '@creditkit/sdk/schemas';
import type { Hono } from 'hono';
import { findPlan } from '../../catalogue/plans';
import { expireGrants } from '../../store/grant-expiry';
import { readBalance } from '../../store/read-models';
import { renewWorkspace } from '../../store/renewals';
import { createWorkspace } from '../../store/workspaces';
import type { AppEnv, ServerOptions } from '../env';
import { notFound } from '../problem';
import { parse, pathId, readJson } from '../validate';

/** Dev mode only: fresh workspaces for tests and the demo. */
export function devRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  app.post('/v1/dev/workspaces', async (context) => {
    const { planId } = parse(devWorkspaceCreateParams, await readJson(context), 'dev workspace');
    if (!findPlan(planId)) throw notFound('plan');
    return context.json(await createWorkspace(options.db, planId, options.now()), 201);
  });

  // Runs the workspace's period-end renewal now, applying a scheduled plan change.
  app.post('/v1/dev/workspaces/:workspaceId/renew', async (context) => {
    const workspaceId = pathId(context, 'workspaceId');
    // Dev routes still respect tenancy: a caller renews its own workspace only (R21).
    if (workspaceId !== context.get('caller').workspaceId) throw notFound('workspace');
    const balance = await options.db.transaction(async (tx) => {
      await renewWorkspace(tx, workspaceId, options.now, options.renewalDelayMs, true);
      return readBalance(tx, workspaceId, options.now());
    });
    return context.json(balance);
  });

  // Writes off granted credits past their expiry now (R28), as the server's minute job would; tests and the demo
  // move the clock and call this instead of waiting for the timer.
  app.post('/v1/dev/workspaces/:workspaceId/expire-grants', async (context) => {
    const workspaceId = pathId(context, 'workspaceId');
    if (workspaceId !== context.get('caller').workspaceId) throw notFound('workspace');
    const balance = await options.db.transaction(async (tx) => {
      await expireGrants(tx, workspaceId, options.now);
      return readBalance(tx, workspaceId, options.now());
    });
    return context.json(balance);
  });
}
