import { createCreditClient, type Grant, type GrantListParams, ValidationError } from '@creditkit/sdk';
import { describe, expect, it } from 'vitest';
import { fixtures, pagesByCursor } from '../support/fixtures';
import { useStubApi } from '../support/stub-api';

const api = useStubApi();

const rolloverGrant: Grant = { ...fixtures.grant, id: 'grant_2', source: 'rollover' };
const purchasedGrant: Grant = { ...fixtures.grant, id: 'grant_3', source: 'purchased', expiresAt: null };

describe('grants.list', () => {
  it('GETs /v1/grants without an idempotency key and resolves to the first page', async () => {
    api.on('GET /v1/grants', pagesByCursor([[fixtures.grant], [rolloverGrant]]));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const page = await client.grants.list();

    expect(page.data).toEqual([fixtures.grant]);
    expect(page.nextCursor).toBe('page-1');
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('GET');
    expect(api.requests[0]?.path).toBe('/v1/grants');
    expect(api.requests[0]?.query.toString()).toBe('');
    expect(api.requests[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('fetches the next page by its cursor with nextPage() and ends with null', async () => {
    api.on('GET /v1/grants', pagesByCursor([[fixtures.grant], [rolloverGrant]]));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const second = await (await client.grants.list()).nextPage();

    expect(second?.data).toEqual([rolloverGrant]);
    expect(second?.nextCursor).toBeNull();
    expect(api.requests[1]?.query.get('cursor')).toBe('page-1');
    await expect(second?.nextPage()).resolves.toBeNull();
    expect(api.requests).toHaveLength(2);
  });

  it('walks every page with for await, following nextCursor, and keeps the limit on every page', async () => {
    api.on('GET /v1/grants', pagesByCursor([[fixtures.grant], [rolloverGrant], [purchasedGrant]]));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const seen: unknown[] = [];
    for await (const grant of client.grants.list({ limit: 1 })) seen.push(grant);

    expect(seen).toEqual([fixtures.grant, rolloverGrant, purchasedGrant]);
    expect(api.requests.map((request) => request.query.get('cursor'))).toEqual([null, 'page-1', 'page-2']);
    expect(api.requests.map((request) => request.query.get('limit'))).toEqual(['1', '1', '1']);
  });

  it('starts from the cursor the caller gives', async () => {
    api.on('GET /v1/grants', pagesByCursor([[fixtures.grant], [rolloverGrant], [purchasedGrant]]));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const seen: unknown[] = [];
    for await (const grant of client.grants.list({ cursor: 'page-1' })) seen.push(grant);

    expect(seen).toEqual([rolloverGrant, purchasedGrant]);
    expect(api.requests.map((request) => request.query.get('cursor'))).toEqual(['page-1', 'page-2']);
  });

  it.each<[string, GrantListParams, PropertyKey[]]>([
    ['a limit of 0', { limit: 0 }, ['limit']],
    ['a limit over 100', { limit: 101 }, ['limit']],
    ['a fractional limit', { limit: 1.5 }, ['limit']],
    ['a NaN limit', { limit: Number.NaN }, ['limit']],
    ['an empty cursor', { cursor: '' }, ['cursor']],
  ])('refuses %s with ValidationError before sending anything', async (_, params, path) => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await Promise.resolve()
      .then(() => client.grants.list(params))
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'validation_failed' });
    expect((error as ValidationError).details.issues.map((issue) => issue.path)).toContainEqual(path);
    expect(api.requests).toEqual([]);
  });
});
