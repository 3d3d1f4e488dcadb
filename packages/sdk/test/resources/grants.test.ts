import {
  createCreditClient,
  type Grant,
  type GrantCreateParams,
  type GrantListParams,
  PermissionDeniedError,
  ValidationError,
} from '@creditkit/sdk';
import { describe, expect, it } from 'vitest';
import { fixtures, pagesByCursor } from '../support/fixtures';
import { problemReply, useStubApi } from '../support/stub-api';

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

const promotionalGrant: Grant = {
  ...fixtures.grant,
  id: 'grant_4',
  source: 'granted',
  credits: 250,
  remaining: 250,
  expiresAt: '2027-01-01T00:00:00.000Z',
  priority: 10,
  reason: 'promotional',
  note: 'Launch week',
};

describe('grants.create (R28)', () => {
  it('POSTs the grant to /v1/grants with the caller idempotency key and returns the grant', async () => {
    api.on('POST /v1/grants', { status: 201, body: promotionalGrant });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });
    const params: GrantCreateParams = {
      credits: 250,
      reason: 'promotional',
      note: 'Launch week',
      expiresAt: '2027-01-01T00:00:00Z',
      priority: 10,
    };

    await expect(client.grants.create(params, { idempotencyKey: 'idem-grant-1' })).resolves.toEqual(promotionalGrant);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('POST');
    expect(api.requests[0]?.path).toBe('/v1/grants');
    expect(api.requests[0]?.body).toEqual(params);
    expect(api.requests[0]?.headers['idempotency-key']).toBe('idem-grant-1');
  });

  it('generates an idempotency key when the caller gives none, and sends only what was given', async () => {
    api.on('POST /v1/grants', { status: 201, body: { ...promotionalGrant, expiresAt: null, priority: 0, note: null } });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await client.grants.create({ credits: 5, reason: 'goodwill' });

    expect(api.requests[0]?.body).toEqual({ credits: 5, reason: 'goodwill' });
    expect(api.requests[0]?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['zero credits', { credits: 0, reason: 'goodwill' }, 'credits'],
    ['credits over a billion', { credits: 1_000_000_001, reason: 'goodwill' }, 'credits'],
    ['more than 3 decimals', { credits: 1.0005, reason: 'goodwill' }, 'credits'],
    ['a reason outside the closed set', { credits: 1, reason: 'birthday' }, 'reason'],
    ['an empty note', { credits: 1, reason: 'goodwill', note: '' }, 'note'],
    ['a note over 500 characters', { credits: 1, reason: 'goodwill', note: 'x'.repeat(501) }, 'note'],
    ['a note with a lone surrogate', { credits: 1, reason: 'goodwill', note: '\ud800' }, 'note'],
    ['an expiry without an offset', { credits: 1, reason: 'goodwill', expiresAt: '2027-01-01T00:00:00' }, 'expiresAt'],
    [
      'an expiry on a day that does not exist',
      { credits: 1, reason: 'goodwill', expiresAt: '2027-02-30T00:00:00Z' },
      'expiresAt',
    ],
    ['a fractional priority', { credits: 1, reason: 'goodwill', priority: 1.5 }, 'priority'],
    ['a priority over 100', { credits: 1, reason: 'goodwill', priority: 101 }, 'priority'],
    ['a priority under -100', { credits: 1, reason: 'goodwill', priority: -101 }, 'priority'],
  ])('refuses %s with ValidationError before sending anything', async (_, params, path) => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await Promise.resolve()
      .then(() => client.grants.create(params as GrantCreateParams))
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details.issues.map((issue) => issue.path)).toContainEqual([path]);
    expect(api.requests).toEqual([]);
  });

  it('raises PermissionDeniedError when a session, even an admin one, tries to grant', async () => {
    api.on('POST /v1/grants', problemReply(403, 'forbidden'));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await client.grants.create({ credits: 5, reason: 'goodwill' }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({ code: 'forbidden', status: 403 });
  });
});
