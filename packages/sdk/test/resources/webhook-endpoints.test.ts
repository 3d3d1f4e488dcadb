import {
  createCreditClient,
  NotFoundError,
  PermissionDeniedError,
  type WebhookDelivery,
  type WebhookDeliveryWithAttempts,
  type WebhookEndpoint,
  type WebhookEndpointWithSecret,
} from '@creditkit/sdk';
import { describe, expect, it } from 'vitest';
import { failureOf, issuePathsOf } from '../support/failures';
import { pagesByCursor } from '../support/fixtures';
import { problemReply, useStubApi } from '../support/stub-api';

const api = useStubApi();

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const endpoint: WebhookEndpoint = {
  id: 'we_1',
  url: 'https://hooks.example.com/creditkit',
  eventTypes: null,
  enabled: true,
  previousSecretExpiresAt: null,
  createdAt: '2026-11-02T00:00:00.000Z',
  updatedAt: '2026-11-02T00:00:00.000Z',
};
const withSecret: WebhookEndpointWithSecret = { ...endpoint, secret: `whsec_${btoa('k'.repeat(32))}` };
const delivery: WebhookDelivery = {
  id: 'msg_1',
  endpointId: 'we_1',
  eventId: '42',
  eventType: 'balance.updated',
  status: 'pending',
  attempts: 2,
  nextAttemptAt: '2026-11-02T00:00:20.000Z',
  lastStatusCode: 500,
  lastError: 'answered 500',
  createdAt: '2026-11-02T00:00:00.000Z',
  completedAt: null,
};
const withAttempts: WebhookDeliveryWithAttempts = {
  ...delivery,
  attemptLog: [
    { number: 1, sentAt: '2026-11-02T00:00:00.000Z', statusCode: null, error: 'no answer within 10000 ms' },
    { number: 2, sentAt: '2026-11-02T00:00:04.000Z', statusCode: 500, error: 'answered 500' },
  ],
};

const client = () => createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

describe('webhookEndpoints.create', () => {
  it('POSTs the endpoint with an idempotency key and resolves to it with its secret', async () => {
    api.on('POST /v1/webhook-endpoints', { status: 201, body: withSecret });

    const created = await client().webhookEndpoints.create({ url: endpoint.url, eventTypes: ['balance.updated'] });

    expect(created).toEqual(withSecret);
    expect(api.requests[0]?.body).toEqual({ url: endpoint.url, eventTypes: ['balance.updated'] });
    expect(api.requests[0]?.headers['idempotency-key']).toMatch(uuid);
  });

  it.each([
    ['a URL that is not http(s)', { url: 'ftp://hooks.example.com/' }, ['url']],
    ['a URL with credentials', { url: 'https://user:pass@hooks.example.com/' }, ['url']],
    ['a URL with a fragment', { url: 'https://hooks.example.com/#x' }, ['url']],
    ['a relative URL', { url: '/hooks' }, ['url']],
    ['a URL past 2,048 characters', { url: `https://hooks.example.com/${'a'.repeat(2048)}` }, ['url']],
    ['no event type', { url: endpoint.url, eventTypes: [] }, ['eventTypes']],
    ['an event type twice', { url: endpoint.url, eventTypes: ['balance.updated', 'balance.updated'] }, ['eventTypes']],
    ['an event type that is no dotted name', { url: endpoint.url, eventTypes: ['Balance Updated'] }, ['eventTypes', 0]],
  ])('refuses %s with ValidationError before sending anything', async (_, params, path) => {
    const error = await failureOf(() => client().webhookEndpoints.create(params));
    expect(issuePathsOf(error)).toContainEqual(path);
    expect(api.requests).toEqual([]);
  });

  it('raises PermissionDeniedError for a member session', async () => {
    api.on('POST /v1/webhook-endpoints', problemReply(403, 'forbidden'));
    await expect(client().webhookEndpoints.create({ url: endpoint.url })).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});

describe('webhookEndpoints reads', () => {
  it('lists every endpoint, retrieves one, and URL-encodes its id', async () => {
    api.on('GET /v1/webhook-endpoints', pagesByCursor([[endpoint]]));
    api.on('GET /v1/webhook-endpoints/we%3A1', { body: { ...endpoint, id: 'we:1' } });

    expect((await client().webhookEndpoints.list()).data).toEqual([endpoint]);
    await expect(client().webhookEndpoints.retrieve('we:1')).resolves.toMatchObject({ id: 'we:1' });
    expect(api.requests.map((request) => request.path)).toEqual([
      '/v1/webhook-endpoints',
      '/v1/webhook-endpoints/we%3A1',
    ]);
  });

  it('raises NotFoundError for an endpoint of no workspace of the caller', async () => {
    api.on('GET /v1/webhook-endpoints/we_other', problemReply(404, 'not_found'));
    await expect(client().webhookEndpoints.retrieve('we_other')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('walks the deliveries page by page, newest first, and reads one with its attempts', async () => {
    const older = { ...delivery, id: 'msg_0', eventId: '41' };
    api.on('GET /v1/webhook-endpoints/we_1/deliveries', pagesByCursor([[delivery], [older]]));
    api.on('GET /v1/webhook-endpoints/we_1/deliveries/msg_1', { body: withAttempts });

    const ids: string[] = [];
    for await (const item of client().webhookEndpoints.listDeliveries('we_1', { limit: 1 })) ids.push(item.id);
    expect(ids).toEqual(['msg_1', 'msg_0']);
    expect(api.requests.map((request) => request.query.toString())).toEqual(['limit=1', 'limit=1&cursor=page-1']);
    await expect(client().webhookEndpoints.retrieveDelivery('we_1', 'msg_1')).resolves.toEqual(withAttempts);
  });
});

describe('webhookEndpoints changes', () => {
  it('POSTs an update of the fields given, refusing an empty one before sending', async () => {
    api.on('POST /v1/webhook-endpoints/we_1', { body: { ...endpoint, enabled: false } });

    await expect(client().webhookEndpoints.update('we_1', { enabled: false })).resolves.toMatchObject({
      enabled: false,
    });
    expect(api.requests[0]?.body).toEqual({ enabled: false });
    const error = await failureOf(() => client().webhookEndpoints.update('we_1', {}));
    expect(issuePathsOf(error)).toContainEqual([]);
    expect(api.requests).toHaveLength(1);
  });

  it('rotates the secret, deletes, and redelivers, each with an idempotency key', async () => {
    const rotated = {
      ...withSecret,
      secret: `whsec_${btoa('n'.repeat(32))}`,
      previousSecretExpiresAt: '2026-11-03T00:00:00.000Z',
    };
    api.on('POST /v1/webhook-endpoints/we_1/rotate-secret', { body: rotated });
    api.on('DELETE /v1/webhook-endpoints/we_1', { body: endpoint });
    api.on('POST /v1/webhook-endpoints/we_1/deliveries/msg_1/redeliver', { body: delivery });

    await expect(client().webhookEndpoints.rotateSecret('we_1')).resolves.toEqual(rotated);
    await expect(client().webhookEndpoints.delete('we_1')).resolves.toEqual(endpoint);
    await expect(client().webhookEndpoints.redeliver('we_1', 'msg_1')).resolves.toEqual(delivery);
    expect(api.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /v1/webhook-endpoints/we_1/rotate-secret',
      'DELETE /v1/webhook-endpoints/we_1',
      'POST /v1/webhook-endpoints/we_1/deliveries/msg_1/redeliver',
    ]);
    expect(api.requests.every((request) => uuid.test(String(request.headers['idempotency-key'])))).toBe(true);
  });

  it.each([
    ['an empty endpoint id', () => client().webhookEndpoints.delete('')],
    ['an endpoint id with a slash', () => client().webhookEndpoints.rotateSecret('we/1')],
    ['a delivery id of ..', () => client().webhookEndpoints.redeliver('we_1', '..')],
  ])('refuses %s before sending anything', async (_, call) => {
    await expect(call()).rejects.toMatchObject({ code: 'validation_failed' });
    expect(api.requests).toEqual([]);
  });
});
