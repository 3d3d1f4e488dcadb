import { devWorkspaceCreateParams } from '@creditkit/sdk/schemas';
import type { Hono } from 'hono';
import { findPlan } from '../../catalogue/plans';
import { createWorkspace } from '../../store/workspaces';
import type { AppEnv, ServerOptions } from '../env';
import { ApiProblem } from '../problem';
import { parse, readJson } from '../validate';

/** Dev mode only: fresh workspaces for tests and the demo. */
export function devRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  app.post('/v1/dev/workspaces', async (context) => {
    const { planId } = parse(devWorkspaceCreateParams, await readJson(context), 'dev workspace');
    if (!findPlan(planId))
      throw new ApiProblem(400, 'validation_failed', `Unknown plan "${planId}".`, {
        issues: [{ path: ['planId'], message: 'Unknown plan' }],
      });
    return context.json(await createWorkspace(options.db, planId, options.now()), 201);
  });
}
