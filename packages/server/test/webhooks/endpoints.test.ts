import {
  createCreditClient,
  NotFoundError,
  PermissionDeniedError,
  type WebhookEndpointWithSecret,
} from '@creditkit/sdk';
import { MAX_WEBHOOK_ENDPOINTS } from '@creditkit/sdk/schemas';
import { verifyWebhook, WebhookVerificationError } from '@creditkit/sdk/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import { createDevWorkspace } from '../support/dev-workspace';
import { startTestServer } from '../support/test-server';
import { waitUntil } from '../support/wait-until';
import { testClock } from '../support/webhook-clock';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

/* R26 endpoints: who may manage them (R20, R21), the secret shown once, the rotation overlap, the bound. */

const hour = 3_600_000;
const clock = testClock('2026-11-02T12:00:00Z');
let server: RunningServer;
let receiver: WebhookReceiver;

beforeAll(async () => {
  server = await startTestServer({ now: clock.now, webhooks: { pollIntervalMs: 20 } });
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await server?.close();
  await receiver?.kill();
});

async function send(path: string, secretKey: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
    body: init.body === undefined ? null : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The requests the receiver got for one event, once it got one. */
async function deliveriesOf(eventType: string, after: number) {
  await waitUntil(
    () => receiver.received.slice(after).some((request) => JSON.parse(request.body).type === eventType),
    `a ${eventType} delivery`,
  );
  return receiver.received.slice(after).filter((request) => JSON.parse(request.body).type === eventType);
}

describe('webhook endpoints', () => {
  it('shows the secret once, at creation, and never in a read', async () => {
    const { client, secretKey } = await createDevWorkspace(server.url);
    const created = await client.webhookEndpoints.create({ url: receiver.url, eventTypes: ['balance.updated'] });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(atob(created.secret.slice(6))).toHaveLength(32);
    expect(created).toMatchObject({ url: receiver.url, eventTypes: ['balance.updated'], enabled: true });

    const read = await send(`/v1/webhook-endpoints/${created.id}`, secretKey);
    const listed = await send('/v1/webhook-endpoints', secretKey);
    for (const answer of [read.body, ...(listed.body.data as Record<string, unknown>[])]) {
      expect(answer).not.toHaveProperty('secret');
      expect(JSON.stringify(answer)).not.toContain(created.secret.slice(6));
    }
    // Sealed at rest: neither the endpoint's row nor the idempotency record holds the secret in clear.
    const stored = JSON.stringify(await server.db.query('SELECT * FROM webhook_endpoints'));
    const keys = JSON.stringify(await server.db.query('SELECT response FROM idempotency_keys'));
    expect(stored).not.toContain(created.secret.slice(6));
    expect(keys).not.toContain(created.secret.slice(6));
  });

  it('replays creation for a repeated Idempotency-Key with the same secret, creating one endpoint', async () => {
    const { client } = await createDevWorkspace(server.url);
    const first = await client.webhookEndpoints.create({ url: receiver.url }, { idempotencyKey: 'create-hook-1' });
    const again = await client.webhookEndpoints.create({ url: receiver.url }, { idempotencyKey: 'create-hook-1' });
    expect(again).toEqual(first);
    expect((await client.webhookEndpoints.list()).data).toHaveLength(1);
  });

  it('is the secret key or an admin only: a member gets 403 and nothing changes (R20)', async () => {
    const { client, secretKey } = await createDevWorkspace(server.url);
    const endpoint = await client.webhookEndpoints.create({ url: receiver.url });
    const { token } = await client.sessions.create({ userId: 'u_member', role: 'member' });
    const member = createCreditClient({ baseUrl: server.url, token: () => token });
    const calls: (() => Promise<unknown>)[] = [
      () => member.webhookEndpoints.create({ url: receiver.url }),
      () => member.webhookEndpoints.list(),
      () => member.webhookEndpoints.retrieve(endpoint.id),
      () => member.webhookEndpoints.update(endpoint.id, { enabled: false }),
      () => member.webhookEndpoints.rotateSecret(endpoint.id),
      () => member.webhookEndpoints.listDeliveries(endpoint.id),
      () => member.webhookEndpoints.delete(endpoint.id),
    ];
    for (const call of calls) await expect(call()).rejects.toBeInstanceOf(PermissionDeniedError);
    expect((await client.webhookEndpoints.list()).data).toEqual([
      expect.objectContaining({ id: endpoint.id, enabled: true }),
    ]);

    const { token: adminToken } = await client.sessions.create({ userId: 'u_admin', role: 'admin' });
    const admin = createCreditClient({ baseUrl: server.url, token: () => adminToken });
    await expect(admin.webhookEndpoints.update(endpoint.id, { enabled: false })).resolves.toMatchObject({
      enabled: false,
    });
    expect((await send('/v1/webhook-endpoints', secretKey)).status).toBe(200);
  });

  it("answers 404 for another workspace's endpoint and deliveries, changing nothing (R21)", async () => {
    const owner = await createDevWorkspace(server.url);
    const other = await createDevWorkspace(server.url);
    const endpoint = await owner.client.webhookEndpoints.create({ url: receiver.url });
    const before = receiver.received.length;
    await owner.client.purchases.create({ credits: 1 });
    const [delivered] = await deliveriesOf('balance.updated', before);
    const deliveryId = delivered?.webhookId ?? '';
    const calls: (() => Promise<unknown>)[] = [
      () => other.client.webhookEndpoints.retrieve(endpoint.id),
      () => other.client.webhookEndpoints.update(endpoint.id, { url: `${receiver.url}?stolen` }),
      () => other.client.webhookEndpoints.rotateSecret(endpoint.id),
      () => other.client.webhookEndpoints.listDeliveries(endpoint.id),
      () => other.client.webhookEndpoints.retrieveDelivery(endpoint.id, deliveryId),
      () => other.client.webhookEndpoints.redeliver(endpoint.id, deliveryId),
      () => other.client.webhookEndpoints.delete(endpoint.id),
    ];
    for (const call of calls) await expect(call()).rejects.toBeInstanceOf(NotFoundError);
    expect((await other.client.webhookEndpoints.list()).data).toEqual([]);
    await expect(owner.client.webhookEndpoints.retrieve(endpoint.id)).resolves.toMatchObject({
      url: receiver.url,
      previousSecretExpiresAt: null,
    });
    // Another workspace's events never reach this endpoint.
    const quiet = receiver.received.length;
    await other.client.purchases.create({ credits: 1 });
    await owner.client.purchases.create({ credits: 2 });
    const next = await deliveriesOf('balance.updated', quiet);
    expect(next.map((request) => JSON.parse(request.body).data.bySource.purchased)).toEqual([3]);
  });

  it(`holds at most ${MAX_WEBHOOK_ENDPOINTS} endpoints per workspace: one more is a 422 that creates nothing`, async () => {
    const { client, secretKey } = await createDevWorkspace(server.url);
    for (let index = 0; index < MAX_WEBHOOK_ENDPOINTS; index++) {
      await client.webhookEndpoints.create({ url: `${receiver.url}?n=${index}`, enabled: false });
    }
    const refused = await send('/v1/webhook-endpoints', secretKey, { method: 'POST', body: { url: receiver.url } });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'webhook_endpoint_limit_reached',
      details: { maximum: MAX_WEBHOOK_ENDPOINTS },
    });
    expect((await client.webhookEndpoints.list()).data).toHaveLength(MAX_WEBHOOK_ENDPOINTS);
    const [oldest] = (await client.webhookEndpoints.list()).data;
    await client.webhookEndpoints.delete(oldest?.id ?? '');
    await expect(client.webhookEndpoints.create({ url: receiver.url, enabled: false })).resolves.toBeDefined();
  });

  it('filters by event type, holds nothing for a disabled endpoint, and sends what happens once enabled again', async () => {
    const { client } = await createDevWorkspace(server.url);
    const endpoint = await client.webhookEndpoints.create({ url: receiver.url, eventTypes: ['limit.reached'] });
    const before = receiver.received.length;
    await client.spendLimits.update({ workbookId: 'wb_tight' }, { enabled: true, limit: 0 });
    await expect(
      client.charges.create({ actionId: 'find-work-email', workbookId: 'wb_tight', recordId: 'r', field: 'email' }),
    ).rejects.toThrow();
    const [reached] = await deliveriesOf('limit.reached', before);
    expect(JSON.parse(reached?.body ?? '{}').data).toMatchObject({ scope: 'workbook', id: 'wb_tight' });
    expect(receiver.received.slice(before).every((request) => JSON.parse(request.body).type === 'limit.reached')).toBe(
      true,
    );

    await client.webhookEndpoints.update(endpoint.id, { enabled: false, eventTypes: null });
    await client.purchases.create({ credits: 5 });
    const enabled = await client.webhookEndpoints.update(endpoint.id, { enabled: true });
    expect(enabled).toMatchObject({ enabled: true, eventTypes: null });
    const resumed = receiver.received.length;
    await client.purchases.create({ credits: 7 });
    const after = await deliveriesOf('balance.updated', resumed);
    // The purchase made while it was disabled was not sent; the one after it was.
    expect(after.map((request) => JSON.parse(request.body).data.bySource.purchased)).toEqual([12]);
  });

  it('signs with both secrets for 24 hours after a rotation, then with the new one alone', async () => {
    const { client } = await createDevWorkspace(server.url);
    const created: WebhookEndpointWithSecret = await client.webhookEndpoints.create({ url: receiver.url });
    const rotated = await client.webhookEndpoints.rotateSecret(created.id);
    expect(rotated.secret).not.toBe(created.secret);
    expect(rotated.previousSecretExpiresAt).toBe(new Date(clock.now().getTime() + 24 * hour).toISOString());

    const during = receiver.received.length;
    await client.purchases.create({ credits: 1 });
    const [overlapping] = await deliveriesOf('balance.updated', during);
    const headers = overlapping?.headers as Record<string, string>;
    const options = { now: clock.now() };
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    await expect(verifyWebhook(overlapping?.body ?? '', headers, created.secret, options)).resolves.toBeDefined();
    await expect(verifyWebhook(overlapping?.body ?? '', headers, rotated.secret, options)).resolves.toBeDefined();
    await expect(
      verifyWebhook(overlapping?.body ?? '', headers, [created.secret, rotated.secret], options),
    ).resolves.toBeDefined();

    clock.set(new Date(clock.now().getTime() + 24 * hour));
    expect((await client.webhookEndpoints.retrieve(created.id)).previousSecretExpiresAt).toBeNull();
    const after = receiver.received.length;
    await client.purchases.create({ credits: 1 });
    const [later] = await deliveriesOf('balance.updated', after);
    const laterHeaders = later?.headers as Record<string, string>;
    const laterOptions = { now: clock.now() };
    expect(laterHeaders['webhook-signature']?.split(' ')).toHaveLength(1);
    await expect(verifyWebhook(later?.body ?? '', laterHeaders, rotated.secret, laterOptions)).resolves.toBeDefined();
    await expect(verifyWebhook(later?.body ?? '', laterHeaders, created.secret, laterOptions)).rejects.toBeInstanceOf(
      WebhookVerificationError,
    );
  });

  it('delivers the envelope the event stream sends, byte for byte', async () => {
    const { client, secretKey } = await createDevWorkspace(server.url);
    await client.webhookEndpoints.create({ url: receiver.url });
    const stream = new AbortController();
    const response = await fetch(`${server.url}/v1/events?lastEventId=0`, {
      headers: { authorization: `Bearer ${secretKey}` },
      signal: stream.signal,
    });
    const before = receiver.received.length;
    await client.purchases.create({ credits: 3 });
    const [delivered] = await deliveriesOf('balance.updated', before);
    const reader = response.body?.getReader();
    let text = '';
    while (!text.includes(`data: ${delivered?.body}\n`)) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    stream.abort();
    expect(text).toContain(`data: ${delivered?.body}\n`);
  });
});
