import { chargeCreateParams, chargeRefundParams } from '@creditkit/sdk/schemas';
import type { Hono } from 'hono';
import { createCharge, refundCharge, refusalDetails } from '../../store/charges';
import { readCharge } from '../../store/read-models';
import { sendAnswer } from '../answer';
import type { AppEnv, ServerOptions } from '../env';
import { idempotent } from '../idempotency';
import { notFound } from '../problem';
import { refusalAnswer } from '../refusal';
import { parse, pathId, readJson } from '../validate';

export function chargeRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  app.post('/v1/charges', async (context) => {
    const params = parse(chargeCreateParams, await readJson(context), 'charge');
    const { workspaceId } = context.get('caller');
    const answer = await idempotent(context, options.db, 'POST /v1/charges', params, async (tx) => {
      const now = options.now();
      const outcome = await createCharge(tx, workspaceId, params, now);
      if (outcome.outcome === 'unknown') throw notFound(outcome.what);
      if (outcome.outcome === 'refused') {
        const { refusal } = outcome;
        return refusalAnswer(
          context,
          refusal.code,
          `Refused: ${refusal.code.replaceAll('_', ' ')}. Nothing was charged.`,
          refusalDetails(refusal),
        );
      }
      return { status: 201, body: await readCharge(tx, workspaceId, outcome.chargeId) };
    });
    return sendAnswer(context, answer);
  });

  app.get('/v1/charges/:chargeId', async (context) => {
    const charge = await readCharge(options.db, context.get('caller').workspaceId, pathId(context, 'chargeId'));
    if (!charge) throw notFound('charge');
    return context.json(charge);
  });

  app.post('/v1/charges/:chargeId/refund', async (context) => {
    const chargeId = pathId(context, 'chargeId');
    const { reason } = parse(chargeRefundParams, await readJson(context), 'refund');
    const { workspaceId } = context.get('caller');
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
