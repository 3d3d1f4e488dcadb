import { createCreditClient, ResponseValidationError } from '@creditkit/sdk';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../support/fixtures';
import { useStubApi } from '../support/stub-api';

const api = useStubApi();

describe('balance.retrieve', () => {
  it('GETs /v1/balance with the secret key as bearer and returns the validated balance', async () => {
    api.on('GET /v1/balance', { body: fixtures.balance });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(client.balance.retrieve()).resolves.toEqual(fixtures.balance);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.headers.authorization).toBe('Bearer sk_test_1');
    expect(api.requests[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('raises ResponseValidationError with the request id when a 2xx body breaks the contract', async () => {
    api.on('GET /v1/balance', { body: { ...fixtures.balance, spendable: 'lots' } });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await client.balance.retrieve().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ code: 'response_validation_failed', requestId: 'req_1', status: 200 });
    expect((error as ResponseValidationError).details.issues[0]?.path).toEqual(['spendable']);
  });

  it('keeps fields a newer server adds out of the result instead of failing', async () => {
    api.on('GET /v1/balance', { body: { ...fixtures.balance, loyaltyPoints: 3 } });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(client.balance.retrieve()).resolves.toEqual(fixtures.balance);
  });
});
