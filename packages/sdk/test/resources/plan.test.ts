import { type CurrentPlan, createCreditClient, ValidationError } from '@creditkit/sdk';
import { describe, expect, it } from 'vitest';
import { currentPlanFixture } from '../support/fixtures';
import { useStubApi } from '../support/stub-api';

const api = useStubApi();

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const scheduledDowngrade: CurrentPlan = {
  ...currentPlanFixture,
  scheduledChange: { planId: 'free', effectiveAt: '2026-12-01T00:00:00.000Z' },
};

describe('plan.retrieve', () => {
  it('GETs /v1/plan without a body or idempotency key and returns the validated current plan', async () => {
    api.on('GET /v1/plan', { body: currentPlanFixture });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(client.plan.retrieve()).resolves.toEqual(currentPlanFixture);
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('GET');
    expect(api.requests[0]?.path).toBe('/v1/plan');
    expect(api.requests[0]?.query.toString()).toBe('');
    expect(api.requests[0]?.body).toBeUndefined();
    expect(api.requests[0]?.headers['idempotency-key']).toBeUndefined();
  });
});

describe('plan.change', () => {
  it('POSTs { planId } to /v1/plan/change with the caller idempotency key and returns the new plan state', async () => {
    api.on('POST /v1/plan/change', { body: scheduledDowngrade });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await expect(client.plan.change({ planId: 'free' }, { idempotencyKey: 'idem-plan-1' })).resolves.toEqual(
      scheduledDowngrade,
    );
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.method).toBe('POST');
    expect(api.requests[0]?.path).toBe('/v1/plan/change');
    expect(api.requests[0]?.body).toEqual({ planId: 'free' });
    expect(api.requests[0]?.headers['idempotency-key']).toBe('idem-plan-1');
  });

  it('generates a fresh UUID idempotency key per call when the caller gives none', async () => {
    api.on('POST /v1/plan/change', { body: scheduledDowngrade });
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    await client.plan.change({ planId: 'pro-monthly' });
    await client.plan.change({ planId: 'pro-monthly' });

    const keys = api.requests.map((request) => request.headers['idempotency-key']);
    expect(keys[0]).toMatch(uuid);
    expect(keys[1]).toMatch(uuid);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it.each([
    ['an empty plan id', ''],
    ['a plan id with a slash', 'pro/monthly'],
    ['a plan id with ..', '..'],
    ['a plan id with a control character', 'pro\u0000monthly'],
  ])('refuses %s with ValidationError before sending anything', async (_, planId) => {
    const client = createCreditClient({ baseUrl: api.url, apiKey: 'sk_test_1' });

    const error = await Promise.resolve()
      .then(() => client.plan.change({ planId }))
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'validation_failed' });
    expect((error as ValidationError).details.issues.map((issue) => issue.path)).toContainEqual(['planId']);
    expect(api.requests).toEqual([]);
  });
});
