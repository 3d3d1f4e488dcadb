import { type Alert, createCreditClient, NotFoundError, PermissionDeniedError } from '@creditkit/sdk';
import { describe, expect, it } from 'vitest';
import { failureOf, issuePathsOf } from '../support/failures';
import { pageOf } from '../support/fixtures';
import { problemReply, useStubApi } from '../support/stub-api';

const api = useStubApi();

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const balanceAlert: Alert = {
  id: 'alert_1',
  scope: 'balance',
  scopeId: null,
  unit: 'credits',
  threshold: 500.5,
  state: 'armed',
  triggeredAt: null,
  createdAt: '2026-11-02T00:00:00.000Z',
  updatedAt: '2026-11-02T00:00:00.000Z',
};
const workbookAlert: Alert = {
  ...balanceAlert,
  id: 'alert_2',
  scope: 'workbook',
  scopeId: 'wb_1',
  unit: 'percent',
  threshold: 80,
};

const client = () => createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

describe('alerts.list', () => {
  it('GETs /v1/alerts without an idempotency key and walks every alert with for await', async () => {
    api.on('GET /v1/alerts', { body: pageOf([balanceAlert, workbookAlert]) });

    const ids: string[] = [];
    for await (const alert of client().alerts.list()) ids.push(alert.id);

    expect(ids).toEqual(['alert_1', 'alert_2']);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.headers['idempotency-key']).toBeUndefined();
  });
});

describe('alerts.create', () => {
  it('POSTs the alert to /v1/alerts with a generated idempotency key', async () => {
    api.on('POST /v1/alerts', { status: 201, body: balanceAlert });

    await expect(client().alerts.create({ scope: 'balance', unit: 'credits', threshold: 500.5 })).resolves.toEqual(
      balanceAlert,
    );

    expect(api.requests[0]?.method).toBe('POST');
    expect(api.requests[0]?.body).toEqual({ scope: 'balance', unit: 'credits', threshold: 500.5 });
    expect(api.requests[0]?.headers['idempotency-key']).toMatch(uuid);
  });

  it.each([
    ['a percentage of 0', { scope: 'workbook', scopeId: 'wb_1', unit: 'percent', threshold: 0 }, ['threshold']],
    ['a percentage over 100', { scope: 'run', scopeId: 'run_1', unit: 'percent', threshold: 100.5 }, ['threshold']],
    ['credits with 4 decimals', { scope: 'balance', unit: 'credits', threshold: 1.0001 }, ['threshold']],
    ['negative credits', { scope: 'balance', unit: 'credits', threshold: -1 }, ['threshold']],
    ['credits on a spend limit', { scope: 'workbook', scopeId: 'wb_1', unit: 'credits', threshold: 5 }, ['unit']],
    ['a spend alert without scopeId', { scope: 'enrichment', unit: 'percent', threshold: 5 }, ['scopeId']],
    [
      'a balance alert with a scopeId',
      { scope: 'balance', scopeId: 'wb_1', unit: 'percent', threshold: 5 },
      ['scopeId'],
    ],
  ] as const)('refuses %s with ValidationError before sending anything', async (_, params, path) => {
    const error = await failureOf(() => client().alerts.create(params));

    expect(issuePathsOf(error)).toContainEqual(path);
    expect(api.requests).toEqual([]);
  });

  it('raises PermissionDeniedError when a member creates one', async () => {
    api.on('POST /v1/alerts', problemReply(403, 'forbidden'));

    await expect(client().alerts.create({ scope: 'balance', unit: 'percent', threshold: 10 })).rejects.toBeInstanceOf(
      PermissionDeniedError,
    );
  });
});

describe('alerts.update and alerts.delete', () => {
  it('PUTs the whole alert to /v1/alerts/{alertId}, URL-encoded, with the caller idempotency key', async () => {
    api.on('PUT /v1/alerts/alert%3A1', { body: workbookAlert });

    await client().alerts.update(
      'alert:1',
      { scope: 'workbook', scopeId: 'wb_1', unit: 'percent', threshold: 80 },
      { idempotencyKey: 'idem-1' },
    );

    expect(api.requests[0]?.path).toBe('/v1/alerts/alert%3A1');
    expect(api.requests[0]?.body).toEqual({ scope: 'workbook', scopeId: 'wb_1', unit: 'percent', threshold: 80 });
    expect(api.requests[0]?.headers['idempotency-key']).toBe('idem-1');
  });

  it('DELETEs /v1/alerts/{alertId} and resolves to the alert as it was; a 404 is NotFoundError', async () => {
    api.on('DELETE /v1/alerts/alert_1', { body: balanceAlert });
    await expect(client().alerts.delete('alert_1')).resolves.toEqual(balanceAlert);
    expect(api.requests[0]?.method).toBe('DELETE');

    api.on('DELETE /v1/alerts/alert_gone', problemReply(404, 'not_found'));
    await expect(client().alerts.delete('alert_gone')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses an alert id with a slash before sending anything', async () => {
    const error = await failureOf(() => client().alerts.delete('a/b'));
    expect(issuePathsOf(error)).toContainEqual([]);
    expect(api.requests).toEqual([]);
  });
});
