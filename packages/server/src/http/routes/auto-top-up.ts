import { type AutoTopUpUpdateParams, autoTopUpUpdateParams } from '@creditkit/sdk/schemas';
import type { Hono } from 'hono';
import { autoTopUpView, writeAutoTopUp } from '../../store/auto-top-up';
import { checkThresholds } from '../../store/threshold-checks';
import { sendAnswer } from '../answer';
import type { AppEnv, ServerOptions } from '../env';
import { idempotent } from '../idempotency';
import { parse, readJson } from '../validate';

export function autoTopUpRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  app.get('/v1/auto-top-up', async (context) => {
    return context.json(await autoTopUpView(options.db, context.get('caller').workspaceId, options.now()));
  });

  // R27: setting it arms it and checks at once, as an alert is (R25): a balance already below is topped up now.
  app.put('/v1/auto-top-up', async (context) => {
    const caller = context.get('caller');
    const params: AutoTopUpUpdateParams = parse(autoTopUpUpdateParams, await readJson(context), 'auto top-up');
    const answer = await idempotent(context, options.db, 'PUT /v1/auto-top-up', params, async (tx) => {
      const now = options.now();
      await writeAutoTopUp(tx, caller.workspaceId, params, now);
      await checkThresholds(tx, caller.workspaceId, now);
      return { status: 200, body: await autoTopUpView(tx, caller.workspaceId, now) };
    });
    return sendAnswer(context, answer);
  });
}
