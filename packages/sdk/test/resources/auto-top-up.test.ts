import { type AutoTopUp, createCreditClient, PermissionDeniedError } from '@creditkit/sdk';
import { describe, expect, it } from 'vitest';
import { failureOf, issuePathsOf } from '../support/failures';
import { problemReply, useStubApi } from '../support/stub-api';

const api = useStubApi();

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const settings: AutoTopUp = {
  enabled: true,
  threshold: 100.5,
  credits: 500,
  monthlyCap: 1500,
  state: 'armed',
  month: {
    start: '2026-11-01T00:00:00.000Z',
    end: '2026-12-01T00:00:00.000Z',
    toppedUp: 500,
    remaining: 1000,
  },
  updatedAt: '2026-11-02T00:00:00.000Z',
};

const client = () => createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

describe('autoTopUp.retrieve', () => {
  it('GETs /v1/auto-top-up without an idempotency key', async () => {
    api.on('GET /v1/auto-top-up', { body: settings });

    await expect(client().autoTopUp.retrieve()).resolves.toEqual(settings);

    expect(api.requests[0]?.method).toBe('GET');
    expect(api.requests[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('reads settings never set: disabled, null amounts, a month with nothing topped up', async () => {
    const unset = { ...settings, enabled: false, threshold: null, credits: null, monthlyCap: null, updatedAt: null };
    api.on('GET /v1/auto-top-up', { body: { ...unset, month: { ...settings.month, toppedUp: 0, remaining: null } } });

    const read = await client().autoTopUp.retrieve();

    expect(read.threshold).toBeNull();
    expect(read.month.remaining).toBeNull();
  });
});

describe('autoTopUp.update', () => {
  it('PUTs the whole setting to /v1/auto-top-up with a generated idempotency key', async () => {
    api.on('PUT /v1/auto-top-up', { body: settings });
    const params = { enabled: true, threshold: 100.5, credits: 500, monthlyCap: 1500 };

    await expect(client().autoTopUp.update(params)).resolves.toEqual(settings);

    expect(api.requests[0]?.body).toEqual(params);
    expect(api.requests[0]?.headers['idempotency-key']).toMatch(uuid);
  });

  it.each([
    ['a threshold of 0', { enabled: true, threshold: 0, credits: 5, monthlyCap: 5 }, ['threshold']],
    ['credits with 4 decimals', { enabled: true, threshold: 1, credits: 1.0001, monthlyCap: 5 }, ['credits']],
    ['a negative amount', { enabled: true, threshold: 1, credits: -5, monthlyCap: 5 }, ['credits']],
    ['a cap over the largest amount', { enabled: true, threshold: 1, credits: 5, monthlyCap: 1e9 + 1 }, ['monthlyCap']],
    ['a cap below one top-up', { enabled: true, threshold: 1, credits: 5, monthlyCap: 4.999 }, ['monthlyCap']],
  ] as const)('refuses %s with ValidationError before sending anything', async (_, params, path) => {
    const error = await failureOf(() => client().autoTopUp.update(params));

    expect(issuePathsOf(error)).toContainEqual(path);
    expect(api.requests).toEqual([]);
  });

  it('raises PermissionDeniedError when a member changes it', async () => {
    api.on('PUT /v1/auto-top-up', problemReply(403, 'forbidden'));

    await expect(
      client().autoTopUp.update({ enabled: false, threshold: 1, credits: 1, monthlyCap: 1 }),
    ).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});
