import { chargeCreateParams, chargeRefundParams } from '@creditkit/sdk/schemas';
import type { Hono } from 'hono';
import { refundCharge } from '../../store/charges';
import { readCharge } from '../../store/read-models';
import { sendAnswer } from '../answer';
import { createChargeBatcher } from '../charge-batcher';
import type { AppEnv, ServerOptions } from '../env';
import { idempotent, keyClaim } from '../idempotency';
import { notFound } from '../problem';
import { parse, pathId, readJson } from '../validate';

export function chargeRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  const batcher = createChargeBatcher(options);

  app.post('/v1/charges', async (context) => {
    const request = parse(chargeCreateParams, await readJson(context), 'charge');
    const answer = await batcher.submit(context.get('caller').workspaceId, {
      request,
      claim: await keyClaim(context, 'POST /v1/charges', request),
      requestId: context.get('requestId'),
    });
    return sendAnswer(context, answer);
  });

  app.get('/v1/charges/:chargeId', async (context) => {
    const charge = await readCharge(options.db, context.get('caller').workspaceId, pathId(context, 'chargeId'));
    if (!charge) throw notFound('charge');
    return context.json(charge);
  });

  // R15, R20: a refund is the host server's decision (its provider failed), never a member's: a member's
  // browser could otherwise loop charge → refund and undo a spend limit.
  app.post('/v1/charges/:chargeId/refund', async (context) => {
    const caller = context.get('caller');
    const { workspaceId } = caller;
    const chargeId = pathId(context, 'chargeId');
    const { reason } = parse(chargeRefundParams, await readJson(context), 'refund');
    const answer = await idempotent(
      context,
      options.db,
      `POST /v1/charges/${chargeId}/refund`,
      { reason },
      async (tx) => {
        const result = await refundCharge(tx, workspaceId, chargeId, reason, options.now());
        if (result === 'unknown') throw notFound('charge');
        return { status: 200, body: await readCharge(tx, workspaceId, chargeId) };
      },
    );
    return sendAnswer(context, answer);
  });
}
