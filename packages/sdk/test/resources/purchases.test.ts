import { createCreditClient, PermissionDeniedError, ValidationError } from '@creditkit/sdk';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../support/fixtures';
import { problemReply, useStubApi } from '../support/stub-api';

const api = useStubApi();

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('purchases.create', () => {
  it('POSTs { credits } to /v1/purchases with the caller idempotency key and returns the purchase', async () => {
    api.on('POST /v1/purchases', { status: 201, body: fixtures.purchase });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(client.purchases.create({ credits: 500 }, { idempotencyKey: 'idem-buy-1' })).resolves.toEqual(
      fixtures.purchase,
    );
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('POST');
    expect(api.requests[0]?.path).toBe('/v1/purchases');
    expect(api.requests[0]?.query.toString()).toBe('');
    expect(api.requests[0]?.body).toEqual({ credits: 500 });
    expect(api.requests[0]?.headers['content-type']).toMatch(/^application\/json/);
    expect(api.requests[0]?.headers['idempotency-key']).toBe('idem-buy-1');
  });

  it('sends an amount with 3 decimals as it is', async () => {
    api.on('POST /v1/purchases', { status: 201, body: { ...fixtures.purchase, credits: 0.125 } });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(client.purchases.create({ credits: 0.125 })).resolves.toMatchObject({ credits: 0.125 });
    expect(api.requests[0]?.body).toEqual({ credits: 0.125 });
  });

  it('generates a UUID idempotency key when the caller gives none', async () => {
    api.on('POST /v1/purchases', { status: 201, body: fixtures.purchase });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await client.purchases.create({ credits: 500 });

    expect(api.requests[0]?.headers['idempotency-key']).toMatch(uuid);
  });

  it.each([
    ['a negative amount', -5],
    ['zero', 0],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an amount over 3 decimals', 1.0005],
    ['an amount over a billion', 1_000_000_001],
  ])('refuses %s with ValidationError before sending anything', async (_, credits) => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await Promise.resolve()
      .then(() => client.purchases.create({ credits }))
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'validation_failed' });
    expect((error as ValidationError).details.issues.map((issue) => issue.path)).toContainEqual(['credits']);
    expect(api.requests).toEqual([]);
  });

  it('raises PermissionDeniedError when a member tries to buy credits', async () => {
    const reply = problemReply(403, 'forbidden');
    api.on('POST /v1/purchases', reply);
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await client.purchases.create({ credits: 500 }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({
      code: 'forbidden',
      status: 403,
      requestId: (reply.body as { requestId: string }).requestId,
    });
    expect(api.requests).toHaveLength(1);
  });
});
