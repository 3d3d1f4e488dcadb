import { createCreditClient, PermissionDeniedError, type SpendLimit, type SpendLimitTarget } from '@creditkit/sdk';
import { describe, expect, it } from 'vitest';
import { failureOf, issuePathsOf } from '../support/failures';
import { fixtures } from '../support/fixtures';
import { problemReply, useStubApi } from '../support/stub-api';

const api = useStubApi();

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const enrichmentLimit: SpendLimit = {
  ...fixtures.spendLimit,
  scope: 'enrichment',
  id: 'enr_1',
  limit: 100,
  remaining: 96,
};
const unsetLimit: SpendLimit = { ...fixtures.spendLimit, enabled: false, limit: null, spent: 0, remaining: null };

/** Targets outside the typed API, as plain JavaScript callers can pass them. */
const badScopes: [string, unknown][] = [
  ['an unknown scope key', { folderId: 'x' }],
  ['both scope keys at once', { workbookId: 'wb_1', enrichmentId: 'enr_1' }],
  ['no scope key', {}],
];

const badIds: [string, SpendLimitTarget][] = [
  ['an empty workbook id', { workbookId: '' }],
  ['a workbook id with a slash', { workbookId: 'wb/1' }],
  ['a workbook id of ..', { workbookId: '..' }],
  ['a workbook id of . (dropped from the path by URL normalization)', { workbookId: '.' }],
  ['an enrichment id with a control character', { enrichmentId: 'enr\u00001' }],
];

describe('spendLimits.retrieve', () => {
  it('GETs /v1/workbooks/{id}/spend-limit for { workbookId } without an idempotency key', async () => {
    api.on('GET /v1/workbooks/wb_1/spend-limit', { body: fixtures.spendLimit });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(client.spendLimits.retrieve({ workbookId: 'wb_1' })).resolves.toEqual(fixtures.spendLimit);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('GET');
    expect(api.requests[0]?.path).toBe('/v1/workbooks/wb_1/spend-limit');
    expect(api.requests[0]?.query.toString()).toBe('');
    expect(api.requests[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('GETs /v1/enrichments/{id}/spend-limit for { enrichmentId }, with the id URL-encoded', async () => {
    api.on('GET /v1/enrichments/enr%3A1%2B2/spend-limit', { body: enrichmentLimit });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(client.spendLimits.retrieve({ enrichmentId: 'enr:1+2' })).resolves.toEqual(enrichmentLimit);
    expect(api.requests[0]?.path).toBe('/v1/enrichments/enr%3A1%2B2/spend-limit');
  });

  it('returns a limit that was never set with null limit and remaining', async () => {
    api.on('GET /v1/workbooks/wb_1/spend-limit', { body: unsetLimit });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(client.spendLimits.retrieve({ workbookId: 'wb_1' })).resolves.toEqual(unsetLimit);
  });

  it.each(badScopes)('refuses %s with ValidationError before sending anything', async (_, target) => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await failureOf(() => client.spendLimits.retrieve(target as SpendLimitTarget));

    expect(issuePathsOf(error)).toContainEqual(['scope']);
    expect(api.requests).toEqual([]);
  });

  it.each(badIds)('refuses %s with ValidationError before sending anything', async (_, target) => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await failureOf(() => client.spendLimits.retrieve(target));

    expect(issuePathsOf(error)).toContainEqual(['id']);
    expect(api.requests).toEqual([]);
  });
});

describe('spendLimits.update', () => {
  it('PUTs { enabled, limit } to /v1/workbooks/{id}/spend-limit with the caller idempotency key', async () => {
    api.on('PUT /v1/workbooks/wb_1/spend-limit', { body: fixtures.spendLimit });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(
      client.spendLimits.update({ workbookId: 'wb_1' }, { enabled: true, limit: 10 }, { idempotencyKey: 'idem-lim-1' }),
    ).resolves.toEqual(fixtures.spendLimit);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('PUT');
    expect(api.requests[0]?.path).toBe('/v1/workbooks/wb_1/spend-limit');
    expect(api.requests[0]?.body).toEqual({ enabled: true, limit: 10 });
    expect(api.requests[0]?.headers['idempotency-key']).toBe('idem-lim-1');
  });

  it('PUTs to /v1/enrichments/{id}/spend-limit with the id URL-encoded and a generated UUID key', async () => {
    api.on('PUT /v1/enrichments/enr%40bulk/spend-limit', { body: enrichmentLimit });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(
      client.spendLimits.update({ enrichmentId: 'enr@bulk' }, { enabled: true, limit: 100 }),
    ).resolves.toEqual(enrichmentLimit);
    expect(api.requests[0]?.path).toBe('/v1/enrichments/enr%40bulk/spend-limit');
    expect(api.requests[0]?.body).toEqual({ enabled: true, limit: 100 });
    expect(api.requests[0]?.headers['idempotency-key']).toMatch(uuid);
  });

  it('sends a disabled limit of 0 and a 3-decimal limit as given', async () => {
    api.on('PUT /v1/workbooks/wb_1/spend-limit', { body: unsetLimit });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await client.spendLimits.update({ workbookId: 'wb_1' }, { enabled: false, limit: 0 });
    await client.spendLimits.update({ workbookId: 'wb_1' }, { enabled: true, limit: 12.345 });

    expect(api.requests.map((request) => request.body)).toEqual([
      { enabled: false, limit: 0 },
      { enabled: true, limit: 12.345 },
    ]);
  });

  it.each([
    ['a negative limit', -1],
    ['a NaN limit', Number.NaN],
    ['an infinite limit', Number.POSITIVE_INFINITY],
    ['a limit over 3 decimals', 1.0005],
  ])('refuses %s with ValidationError before sending anything', async (_, limit) => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await failureOf(() => client.spendLimits.update({ workbookId: 'wb_1' }, { enabled: true, limit }));

    expect(issuePathsOf(error)).toContainEqual(['limit']);
    expect(api.requests).toEqual([]);
  });

  it.each(badScopes)('refuses %s with ValidationError before sending anything', async (_, target) => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await failureOf(() =>
      client.spendLimits.update(target as SpendLimitTarget, { enabled: true, limit: 10 }),
    );

    expect(issuePathsOf(error)).toContainEqual(['scope']);
    expect(api.requests).toEqual([]);
  });

  it.each(badIds)('refuses %s with ValidationError before sending anything', async (_, target) => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await failureOf(() => client.spendLimits.update(target, { enabled: true, limit: 10 }));

    expect(issuePathsOf(error)).toContainEqual(['id']);
    expect(api.requests).toEqual([]);
  });

  it('raises PermissionDeniedError on a 403, with code, status and the request id of the problem body', async () => {
    const reply = problemReply(403, 'forbidden');
    api.on('PUT /v1/workbooks/wb_1/spend-limit', reply);
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await client.spendLimits
      .update({ workbookId: 'wb_1' }, { enabled: true, limit: 10 })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({
      code: 'forbidden',
      status: 403,
      requestId: (reply.body as { requestId: string }).requestId,
    });
    expect(api.requests).toHaveLength(1);
  });
});
