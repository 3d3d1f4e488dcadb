import { createCreditClient, type LedgerEntry, type LedgerListParams, ValidationError } from '@creditkit/sdk';
import { describe, expect, it } from 'vitest';
import { fixtures, pagesByCursor } from '../support/fixtures';
import { useStubApi } from '../support/stub-api';

const api = useStubApi();

const grantEntry: LedgerEntry = {
  ...fixtures.ledgerEntry,
  id: 'entry_2',
  type: 'grant',
  chargeId: null,
  credits: 2000,
};
const refundEntry: LedgerEntry = {
  ...fixtures.ledgerEntry,
  id: 'entry_3',
  type: 'refund',
  credits: 2,
  reason: 'no data',
};

describe('ledger.list', () => {
  it('GETs /v1/ledger without an idempotency key and resolves to the first page with its cursor', async () => {
    api.on('GET /v1/ledger', pagesByCursor([[fixtures.ledgerEntry, grantEntry], [refundEntry]]));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const page = await client.ledger.list();

    expect(page.data).toEqual([fixtures.ledgerEntry, grantEntry]);
    expect(page.nextCursor).toBe('page-1');
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('GET');
    expect(api.requests[0]?.path).toBe('/v1/ledger');
    expect(api.requests[0]?.query.toString()).toBe('');
    expect(api.requests[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('sends limit and type as query parameters and nextPage() follows nextCursor with them', async () => {
    api.on('GET /v1/ledger', pagesByCursor([[fixtures.ledgerEntry], [refundEntry]]));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const first = await client.ledger.list({ limit: 1, type: 'charge' });
    const second = await first.nextPage();

    expect(second?.data).toEqual([refundEntry]);
    expect(second?.nextCursor).toBeNull();
    expect(Object.fromEntries(api.requests[0]?.query ?? [])).toEqual({ limit: '1', type: 'charge' });
    expect(Object.fromEntries(api.requests[1]?.query ?? [])).toEqual({ limit: '1', type: 'charge', cursor: 'page-1' });
    await expect(second?.nextPage()).resolves.toBeNull();
    expect(api.requests).toHaveLength(2);
  });

  it('walks every entry of every page with for await, one request per page', async () => {
    api.on('GET /v1/ledger', pagesByCursor([[fixtures.ledgerEntry], [grantEntry], [refundEntry]]));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const seen: LedgerEntry[] = [];
    for await (const entry of client.ledger.list({ limit: 1 })) seen.push(entry);

    expect(seen).toEqual([fixtures.ledgerEntry, grantEntry, refundEntry]);
    expect(api.requests.map((request) => request.query.get('cursor'))).toEqual([null, 'page-1', 'page-2']);
    expect(api.requests.map((request) => request.path)).toEqual(['/v1/ledger', '/v1/ledger', '/v1/ledger']);
  });

  it('starts from the cursor the caller gives', async () => {
    api.on('GET /v1/ledger', pagesByCursor([[fixtures.ledgerEntry], [grantEntry], [refundEntry]]));
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const page = await client.ledger.list({ cursor: 'page-2' });

    expect(page.data).toEqual([refundEntry]);
    expect(api.requests[0]?.query.get('cursor')).toBe('page-2');
  });

  it.each<[string, LedgerListParams, PropertyKey[]]>([
    ['a limit of 0', { limit: 0 }, ['limit']],
    ['a negative limit', { limit: -1 }, ['limit']],
    ['an infinite limit', { limit: Number.POSITIVE_INFINITY }, ['limit']],
    ['an empty cursor', { cursor: '' }, ['cursor']],
    // @ts-expect-error: 'bonus' is not a ledger entry type
    ['an unknown entry type', { type: 'bonus' }, ['type']],
  ])('refuses %s with ValidationError before sending anything', async (_, params, path) => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await Promise.resolve()
      .then(() => client.ledger.list(params))
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'validation_failed' });
    expect((error as ValidationError).details.issues.map((issue) => issue.path)).toContainEqual(path);
    expect(api.requests).toEqual([]);
  });
});
