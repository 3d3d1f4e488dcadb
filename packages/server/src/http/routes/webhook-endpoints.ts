import {
  MAX_WEBHOOK_ENDPOINTS,
  webhookDeliveryListParams,
  webhookEndpointCreateParams,
  webhookEndpointUpdateParams,
} from '@creditkit/sdk/schemas';
import type { Context, Hono } from 'hono';
import { bytesToBase64 } from '../../crypto/base64url';
import { createSecretBox, type SecretBox } from '../../crypto/secret-box';
import type { Queryable } from '../../store/database';
import { newId } from '../../store/ids';
import {
  deliveryAttempts,
  findDelivery,
  listDeliveries,
  redeliver,
  webhookDeliveryView,
} from '../../store/webhook-deliveries';
import {
  countWebhookEndpoints,
  deleteWebhookEndpoint,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
  updateWebhookEndpoint,
  type WebhookEndpointRow,
  webhookEndpointView,
} from '../../store/webhook-endpoints';
import { checkWebhookUrl, RefusedWebhookAddress } from '../../webhooks/url-guard';
import { sendAnswer } from '../answer';
import { decodeCursor, encodeCursor } from '../cursor';
import type { AppEnv, ServerOptions } from '../env';
import { idempotent, type StoredAnswer } from '../idempotency';
import { ApiProblem, notFound } from '../problem';
import { invalidValue, parse, pathId, readJson, readQuery } from '../validate';

/** How long a rotated secret still signs beside the new one, so receivers can switch without missing a delivery. */
export const SECRET_ROTATION_OVERLAP_MS = 24 * 3_600_000;

/** `whsec_` and base64 of 32 random bytes, as the Standard Webhooks specification writes a secret. */
function newSigningSecret(): string {
  return `whsec_${bytesToBase64(crypto.getRandomValues(new Uint8Array(32)))}`;
}

async function endpointOf(db: Queryable, context: Context<AppEnv>, lock = false): Promise<WebhookEndpointRow> {
  const endpoint = await findWebhookEndpoint(
    db,
    context.get('caller').workspaceId,
    pathId(context, 'endpointId'),
    lock,
  );
  if (!endpoint) throw notFound('webhook endpoint');
  return endpoint;
}

/**
 * The answer of creation and rotation holds the secret sealed, as the idempotency record keeps it (a replay gives
 * the same secret, and the record never holds it in clear); it is opened on the way out.
 */
async function withOpenedSecret(box: SecretBox, answer: StoredAnswer): Promise<StoredAnswer> {
  const body = answer.body as { id: string; secret: string };
  const secret = await box.open(body.secret, body.id);
  if (secret === null) throw new Error('A sealed secret of this server did not open.');
  return { ...answer, body: { ...body, secret } };
}

/** Webhook endpoints and their deliveries (R26); every route is the secret key's or an admin's (the route table). */
export function webhookEndpointRoutes(app: Hono<AppEnv>, options: ServerOptions): void {
  const box = createSecretBox(options.sessionSecret);
  const wake = () => options.webhooks?.wake?.();

  /** A URL deliveries may not reach is a 400 naming `url`, before anything is written. */
  async function checkUrl(url: string): Promise<void> {
    try {
      await checkWebhookUrl(url, { allowLoopback: options.dev, resolveHost: options.webhooks?.resolveHost });
    } catch (error) {
      if (error instanceof RefusedWebhookAddress) throw invalidValue(['url'], error.message, 'webhook_url_refused');
      throw error;
    }
  }

  app.post('/v1/webhook-endpoints', async (context) => {
    const caller = context.get('caller');
    const params = parse(webhookEndpointCreateParams, await readJson(context), 'webhook endpoint');
    await checkUrl(params.url);
    const answer = await idempotent(context, options.db, 'POST /v1/webhook-endpoints', params, async (tx) => {
      const held = await countWebhookEndpoints(tx, caller.workspaceId);
      if (held >= MAX_WEBHOOK_ENDPOINTS) {
        throw new ApiProblem(
          422,
          'webhook_endpoint_limit_reached',
          `A workspace may have at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints; delete one first.`,
          { issues: [], maximum: MAX_WEBHOOK_ENDPOINTS },
        );
      }
      const now = options.now();
      const id = newId('we');
      const sealed = await box.seal(newSigningSecret(), id);
      const row = await insertWebhookEndpoint(
        tx,
        caller.workspaceId,
        {
          id,
          url: params.url,
          eventTypes: params.eventTypes ?? null,
          enabled: params.enabled ?? true,
          secretSealed: sealed,
        },
        now,
      );
      return { status: 201, body: { ...webhookEndpointView(row, now), secret: sealed } };
    });
    return sendAnswer(context, await withOpenedSecret(box, answer));
  });

  app.get('/v1/webhook-endpoints', async (context) => {
    const now = options.now();
    const rows = await listWebhookEndpoints(options.db, context.get('caller').workspaceId);
    return context.json({ data: rows.map((row) => webhookEndpointView(row, now)), nextCursor: null });
  });

  app.get('/v1/webhook-endpoints/:endpointId', async (context) => {
    return context.json(webhookEndpointView(await endpointOf(options.db, context), options.now()));
  });

  app.post('/v1/webhook-endpoints/:endpointId', async (context) => {
    const endpointId = pathId(context, 'endpointId');
    const change = parse(webhookEndpointUpdateParams, await readJson(context), 'webhook endpoint update');
    if (change.url !== undefined) await checkUrl(change.url);
    const answer = await idempotent(
      context,
      options.db,
      `POST /v1/webhook-endpoints/${endpointId}`,
      change,
      async (tx) => {
        const now = options.now();
        const row = await updateWebhookEndpoint(tx, await endpointOf(tx, context, true), change, now);
        return { status: 200, body: webhookEndpointView(row, now) };
      },
    );
    wake();
    return sendAnswer(context, answer);
  });

  app.delete('/v1/webhook-endpoints/:endpointId', async (context) => {
    const endpointId = pathId(context, 'endpointId');
    const answer = await idempotent(
      context,
      options.db,
      `DELETE /v1/webhook-endpoints/${endpointId}`,
      {},
      async (tx) => {
        const endpoint = await endpointOf(tx, context, true);
        await deleteWebhookEndpoint(tx, endpoint.id);
        return { status: 200, body: webhookEndpointView(endpoint, options.now()) };
      },
    );
    return sendAnswer(context, answer);
  });

  app.post('/v1/webhook-endpoints/:endpointId/rotate-secret', async (context) => {
    const endpointId = pathId(context, 'endpointId');
    const answer = await idempotent(
      context,
      options.db,
      `POST /v1/webhook-endpoints/${endpointId}/rotate-secret`,
      {},
      async (tx) => {
        const endpoint = await endpointOf(tx, context, true);
        const now = options.now();
        const sealed = await box.seal(newSigningSecret(), endpoint.id);
        const overlapEnds = new Date(now.getTime() + SECRET_ROTATION_OVERLAP_MS);
        const row = await rotateWebhookSecret(tx, endpoint, sealed, overlapEnds, now);
        return { status: 200, body: { ...webhookEndpointView(row, now), secret: sealed } };
      },
    );
    return sendAnswer(context, await withOpenedSecret(box, answer));
  });

  // Newest first, keyset-paginated by the order deliveries were queued, so pages stay stable while events arrive.
  app.get('/v1/webhook-endpoints/:endpointId/deliveries', async (context) => {
    const endpoint = await endpointOf(options.db, context);
    const params = parse(webhookDeliveryListParams, readQuery(context, ['limit']), 'delivery list parameters');
    const limit = params.limit ?? 50;
    const rows = await listDeliveries(options.db, endpoint.id, decodeCursor(params.cursor), limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return context.json({
      data: page.map(webhookDeliveryView),
      nextCursor: rows.length > limit && last ? encodeCursor(Number(last.seq)) : null,
    });
  });

  app.get('/v1/webhook-endpoints/:endpointId/deliveries/:deliveryId', async (context) => {
    const endpoint = await endpointOf(options.db, context);
    const delivery = await findDelivery(options.db, endpoint.id, pathId(context, 'deliveryId'));
    if (!delivery) throw notFound('webhook delivery');
    return context.json({
      ...webhookDeliveryView(delivery),
      attemptLog: await deliveryAttempts(options.db, delivery.id),
    });
  });

  app.post('/v1/webhook-endpoints/:endpointId/deliveries/:deliveryId/redeliver', async (context) => {
    const endpointId = pathId(context, 'endpointId');
    const deliveryId = pathId(context, 'deliveryId');
    const answer = await idempotent(
      context,
      options.db,
      `POST /v1/webhook-endpoints/${endpointId}/deliveries/${deliveryId}/redeliver`,
      {},
      async (tx) => {
        const endpoint = await endpointOf(tx, context);
        const delivery = await findDelivery(tx, endpoint.id, deliveryId);
        if (!delivery) throw notFound('webhook delivery');
        return { status: 200, body: webhookDeliveryView(await redeliver(tx, delivery.id, options.now())) };
      },
    );
    wake();
    return sendAnswer(context, answer);
  });
}
