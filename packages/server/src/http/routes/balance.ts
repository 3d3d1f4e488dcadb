import type { Hono } from 'hono';
import { readBalance } from '../../store/read-models';
import type { AppEnv, ServerOptions } from '../env';
import { notFound } from '../problem';

export function balanceRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  app.get('/v1/balance', async (context) => {
    const balance = await readBalance(options.db, context.get('caller').workspaceId, options.now());
    if (!balance) throw notFound('workspace');
    return context.json(balance);
  });
}
